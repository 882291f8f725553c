import sys, re, collections
import django; django.setup()
from django.test import Client
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.contrib.auth import get_user_model
user, host, path = sys.argv[1], sys.argv[2], sys.argv[3]
c=Client()
if user != "-": c.force_login(get_user_model().objects.get(username=user))
c.get(path,headers={"host":host})
with CaptureQueriesContext(connection) as q:
    r=c.get(path,headers={"host":host})
print(r.status_code, len(q))
cnt=collections.Counter(re.sub(r"'[^']*'","S",re.sub(r"\d+","N",x['sql']))[:400] for x in q.captured_queries)
for s,n in cnt.most_common(int(sys.argv[4]) if len(sys.argv)>4 else 12): print(n, s)
