"""Training the learned passage classifier (development only: needs scikit-learn, never imported at run time).

`python -m training.train` reads ToS;DR points, Open Terms Archive policy histories and the project's own
labels, and writes the weights the parser loads (`summaries/parser/weights/`). See `training/README.md`.
"""
