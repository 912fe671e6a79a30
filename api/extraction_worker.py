"""Extraction for POST /articles: off the event loop, a few at a time, within a time limit.

    worker = ExtractionWorker(extract, capacity=2, timeout=60.0)
    extractions = await worker(article)      # ExtractionTimeout when it takes too long

Each extraction runs in a daemon thread of its own, so reads go on being served while it
runs and a stuck one never holds up the server's exit. One that outlives the time limit is
abandoned: the request answers 503 and its result, when it comes, is dropped (nothing of it
is written). At most `capacity` run at once, abandoned ones included, so a flood of large
articles cannot starve the readers; a request that finds no free slot within the time
limit gets a 503 too.
"""

import asyncio
import threading
from collections.abc import Callable, Sequence

from api.errors import ExtractionBusy, ExtractionTimeout
from extract.models import Article, ArticleExtraction

Extract = Callable[[Sequence[Article]], list[ArticleExtraction]]


class ExtractionWorker:
    def __init__(self, extract: Extract, *, capacity: int = 2, timeout: float = 60.0) -> None:
        self.extract, self.timeout = extract, timeout
        self._slots = threading.BoundedSemaphore(capacity)

    async def __call__(self, article: Article) -> list[ArticleExtraction]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        while not self._slots.acquire(blocking=False):
            if loop.time() > deadline:
                raise ExtractionBusy(
                    f"every extraction slot stayed busy for {self.timeout:.0f} s "
                    "(DKG_EXTRACTION_TIMEOUT); try again later")
            await asyncio.sleep(0.05)
        done: asyncio.Future[list[ArticleExtraction]] = loop.create_future()

        def run() -> None:
            result, error = None, None
            try:
                result = self.extract([article])
            except BaseException as e:  # handed to the request, which decides
                error = e
            finally:
                self._slots.release()
            try:
                loop.call_soon_threadsafe(_settle, done, result, error)
            except RuntimeError:
                pass  # abandoned, and the loop has closed since: nobody waits for it

        threading.Thread(target=run, name=f"extract {article.id}", daemon=True).start()
        try:
            return await asyncio.wait_for(asyncio.shield(done),
                                          timeout=max(0.0, deadline - loop.time()))
        except TimeoutError:
            raise ExtractionTimeout(
                f"extracting this article took longer than {self.timeout:.0f} s "
                "(DKG_EXTRACTION_TIMEOUT); nothing was written") from None


def _settle(future: asyncio.Future, result: object, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
