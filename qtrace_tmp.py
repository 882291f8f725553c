import sys, traceback
import django; django.setup()
from django.test import Client
from django.db import connection
from django.contrib.auth import get_user_model
user, host, path, pat = sys.argv[1:5]
c=Client(); c.force_login(get_user_model().objects.get(username=user))
c.get(path,headers={"host":host})
seen=[0]
def wrapper(execute, sql, params, many, context):
    if pat in sql:
        seen[0]+=1
    if pat in sql and seen[0] == int(sys.argv[5]):
        print("".join(l for l in traceback.format_stack() if "site-packages/django/" not in l)[-3500:])
    return execute(sql, params, many, context)
with connection.execute_wrapper(wrapper):
    c.get(path,headers={"host":host})
