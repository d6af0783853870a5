"""What the tests share: the repository's paths, the text of rendered documents, located
answers of `pmg validate`, LibreOffice's pages, a live `pmg serve`. Imported as
`tests.support.NAME`: `tests` is a package, so pytest puts the repository's root on the path."""
