"""The decisions app's pages, one module per thing they show.

- `proposals`: the list, one proposal, writing and editing one;
- `stages`: the steps of the process (PHO decision, sending, coalition, withdrawal);
- `participants`: a participant's figures, an executive's decision, the documents;
- `templates`: the Word templates for the college proposals;
- `my_organisation`: the account holder's page.
"""
