"""The status report (lägesrapport) and county fact sheets as Word, PDF and Excel.

`blocks.blocks()` turns the result of `year_analysis.analyse_year` into a neutral list of
headings, paragraphs, tables and PNG images; each renderer (`word`, `pdf`, `excel`, each with a
`render(data)` returning the file's bytes) lays those out in its format. Every table of the
report also goes to Excel, one sheet per table."""
