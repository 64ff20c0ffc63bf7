"""Engines that run the whole analysis somewhere other than one process over a workspace.

``storyprism.engine.ray_engine`` runs it as a Ray Data pipeline and writes a Parquet dataset;
``storyprism.engine.importer`` loads such a dataset into a workspace. Ray is imported only by
``ray_engine`` (install with ``pip install 'storyprism[ray]'``), so nothing else here needs it.
"""
