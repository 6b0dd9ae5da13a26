#!/usr/bin/env python3
# Who holds the byte[] of a heap dump (issue #16, RSS per idle account; docs/benchmarks.md, "RSS per idle account at
# 10,000"): reads an HPROF file (jcmd <pid> GC.heap_dump FILE, 64-bit ids), and prints, per referring class and field
# (or object array class), how many byte arrays it references, their total bytes and their most common sizes.
# A crude owner view where no heap-dump library is at hand: a shared array counts once per referrer.
#   python3 bench/scripts/hprof-byte-arrays.py relay.hprof
import sys, struct, collections
f=open(sys.argv[1],'rb').read()
p=f.index(b'\0')+1
ids=struct.unpack('>I',f[p:p+4])[0]; p+=12
assert ids==8
strings={}; clsname={}
classes={}  # id -> (super, [(nameid,type)])
bytearr={}  # id -> len
insts=[]    # (classid, start, end)
objarrs=[]
SZ={2:8,4:1,5:2,6:4,7:8,8:1,9:2,10:4,11:8}
def rid(o): return struct.unpack('>Q',f[o:o+8])[0]
n=len(f)
while p<n:
    tag=f[p]; ln=struct.unpack('>I',f[p+5:p+9])[0]; b=p+9; e=b+ln; p=e
    if tag==1: strings[rid(b)]=f[b+8:e].decode('utf8','replace')
    elif tag==2: clsname[rid(b+4)]=rid(b+16)
    elif tag in (0x0c,0x1c):
        q=b
        while q<e:
            st=f[q]; q+=1
            if st==0xff: q+=8
            elif st==1: q+=16
            elif st in (2,3): q+=16
            elif st==4: q+=12
            elif st==5: q+=8
            elif st==6: q+=12
            elif st==7: q+=8
            elif st==8: q+=16
            elif st==0x20:
                cid=rid(q); sup=rid(q+12); q+=7*8+4+4
                cp=struct.unpack('>H',f[q:q+2])[0]; q+=2
                for _ in range(cp):
                    t=f[q+2]; q+=3+SZ[t]
                sc=struct.unpack('>H',f[q:q+2])[0]; q+=2
                for _ in range(sc):
                    t=f[q+8]; q+=9+SZ[t]
                ic=struct.unpack('>H',f[q:q+2])[0]; q+=2
                fl=[]
                for _ in range(ic):
                    fl.append((rid(q),f[q+8])); q+=9
                classes[cid]=(sup,fl)
            elif st==0x21:
                oid=rid(q); cid=rid(q+12); l=struct.unpack('>I',f[q+20:q+24])[0]
                insts.append((oid,cid,q+24,q+24+l)); q+=24+l
            elif st==0x22:
                oid=rid(q); c=struct.unpack('>I',f[q+12:q+16])[0]; acid=rid(q+16)
                objarrs.append((oid,acid,q+24,c)); q+=24+8*c
            elif st==0x23:
                oid=rid(q); c=struct.unpack('>I',f[q+12:q+16])[0]; t=f[q+16]
                if t==8: bytearr[oid]=c
                q+=17+c*SZ[t]
            else: raise Exception('subtag %x'%st)
def cname(c): return strings.get(clsname.get(c),'?')
layout={}
def lay(c):
    if c in layout: return layout[c]
    out=[]; x=c
    while x and x in classes:
        sup,fl=classes[x]
        for nm,t in fl: out.append((cname(x)+'.'+strings.get(nm,'?'),t))
        x=sup
    layout[c]=out; return out
ref=collections.defaultdict(lambda:[0,0,collections.Counter()])
seen=set()
for oid,cid,s,e in insts:
    o=s
    for nm,t in lay(cid):
        if t==2:
            r=rid(o)
            if r in bytearr:
                k=cname(cid)+' -> '+nm
                a=ref[k]; a[0]+=1; a[1]+=bytearr[r]; a[2][bytearr[r]]+=1; seen.add(r)
        o+=SZ[t]
for oid,acid,s,c in objarrs:
    for i in range(c):
        r=rid(s+8*i)
        if r in bytearr:
            k=cname(acid)+'[]'
            a=ref[k]; a[0]+=1; a[1]+=bytearr[r]; a[2][bytearr[r]]+=1; seen.add(r)
tot=sum(bytearr.values())
print('byte[] count',len(bytearr),'bytes',tot,'unreferenced-by-scan',sum(v for k,v in bytearr.items() if k not in seen))
for k,a in sorted(ref.items(),key=lambda kv:-kv[1][1])[:30]:
    print(a[0],a[1],k,a[2].most_common(4))
