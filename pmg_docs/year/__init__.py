"""A whole year at once: every service's formulation and results under a folder.

`consolidate` reads and checks them (year/consolidate.py); `pmg report` lays the year out as the
*Resultados* document (through the one render pipeline, as the `report` kind) and as a workbook
(year/workbook.py); `pmg export` and `pmg import xlsx` carry a year's commitments to and from
Excel (year/commitments_xlsx.py, year/import_xlsx.py).
"""
