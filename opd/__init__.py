"""OPDs: one site, collection and set of role groups each; provisioning, admin scoping, menus by role.
Imports portal only; sends opd_provisioned for the apps above to complete a site.
"""
