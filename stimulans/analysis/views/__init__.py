"""Analysis pages: the status report per year and per county, part analyses, indicators
(`reports`), the analysts' workbench with recoding and quality flags (`workbench`), downloads
(`downloads`) and the read-only JSON API at /analys/api/ (`api`, DRF).

Who may see what (the rule is `permissions.analysis_scope`, used by every page and endpoint):
- analysts and national administrators: everything, and they recode and publish;
- a published year: every county's figures, for everyone;
- county coordinators, before publication: the national totals and their own county's figures;
- everyone else (reporters, anonymous): the public pages and JSON of published years only.
"""
