"""`dkg eval`: extraction and resolution measured against hand-made gold annotations.

    report = evaluate([Path("../shared/corpus/dev")], nlp=nlp)

Gold files and scoring conventions: ../shared/corpus/GOLD-FORMAT.md.
"""
