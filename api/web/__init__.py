"""Pages for people: a quote highlighted in its source, sources, speakers and search.

Server-rendered HTML (Flask and Jinja2, autoescaped); `views.py` is the blueprint,
`highlight.py` the pure cutting of a text into marked runs, `links.py` the pages' paths.
"""
