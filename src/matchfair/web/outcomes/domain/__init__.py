"""The rules of outcomes, one module per topic: feedback, agreements, rates, projects.

Pages, the API and commands call these functions and nothing else writes the outcome
models, so a rule (an agreement is signed online only when every party confirmed)
holds whichever page or command made the change.
"""
