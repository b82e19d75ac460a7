#!/usr/bin/python3
# SPDX-License-Identifier: MIT
#
# Benchmark Xapian (the keyword engine issue 15 asks us to compare against) on
# the same data as our own keyword search: indexing rate, query latency on a
# JSONL export, and nDCG@10 / Recall@100 on a BEIR-format corpus (NFCorpus).
#
# Needs the Debian package python3-xapian. install-deps.sh does not install it
# on purpose: only this benchmark uses it, the application never links Xapian.
# The shebang names /usr/bin/python3 because Debian's bindings are only
# importable by Debian's interpreter, not by another python3 earlier on PATH.

import argparse
import gzip
import json
import math
import random
import sys
import time

try:
    import xapian
except ImportError:
    sys.stderr.write("compare-xapian.py: cannot import xapian; install the Debian package "
                     "python3-xapian (apt-get install python3-xapian) and run with /usr/bin/python3\n")
    sys.exit(2)

COMMIT_EVERY = 10000
# Title terms count twice as often as body terms; our engine also ranks title
# matches higher, and a wdf increment is the simplest way to do that with one
# unprefixed field (no per-field prefixes, so a plain query hits everything).
TITLE_WDF = 2


def term_generator():
    tg = xapian.TermGenerator()
    # English stemming, as our keyword engine does; STEM_SOME (the default)
    # indexes stemmed terms with a Z prefix next to the unstemmed ones, which
    # is what QueryParser with STEM_SOME searches for.
    tg.set_stemmer(xapian.Stem("english"))
    tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    return tg


def index_one(db, tg, title, texts, data):
    doc = xapian.Document()
    tg.set_document(doc)
    if title:
        tg.index_text(title, TITLE_WDF)
        # A position gap keeps phrases from matching across the field boundary.
        tg.increase_termpos()
    for t in texts:
        if t:
            tg.index_text(t)
            tg.increase_termpos()
    doc.set_data(data)
    db.add_document(doc)


def query_parser(db):
    qp = xapian.QueryParser()
    qp.set_stemmer(xapian.Stem("english"))
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_default_op(xapian.Query.OP_OR)
    qp.set_database(db)
    return qp


def parse(qp, text):
    # Titles and NFCorpus queries are free text; a stray quote or bracket can
    # make the default syntax fail, in which case we parse it as plain words.
    try:
        return qp.parse_query(text), False
    except xapian.QueryParserError:
        return qp.parse_query(text, 0), True


def read_jsonl(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def cmd_index(args):
    db = xapian.WritableDatabase(args.dbdir, xapian.DB_CREATE_OR_OVERWRITE)
    tg = term_generator()
    n = 0
    start = time.perf_counter()
    for rec in read_jsonl(args.jsonl):
        # Cases carry body and (when closed) resolution; articles carry body.
        index_one(db, tg, rec.get("title", ""),
                  [rec.get("body", ""), rec.get("description", ""), rec.get("resolution", "")],
                  rec["id"])
        n += 1
        if n % COMMIT_EVERY == 0:
            db.commit()
    db.commit()
    secs = time.perf_counter() - start
    db.close()
    print(f"indexed {n} docs in {secs:.1f} s: {n / secs:.0f} docs/s  (xapian {xapian.version_string()})")
    return 0


def pct(ms, p):
    # Same rule as our benchmark: sorted list, index min(n-1, int(p/100*n)).
    return ms[min(len(ms) - 1, int(p / 100.0 * len(ms)))]


def cmd_latency(args):
    titles = [r["title"] for r in read_jsonl(args.jsonl)
              if r.get("record_type") == "case" and r.get("title")]
    queries = random.Random(args.seed).sample(titles, min(args.queries, len(titles)))
    db = xapian.Database(args.dbdir)
    qp = query_parser(db)

    def run(text):
        q, _ = parse(qp, text)
        enq = xapian.Enquire(db)  # BM25Weight is the default weighting scheme
        enq.set_query(q)
        mset = enq.get_mset(0, 10)
        # Reading the stored ids makes the work comparable to returning hits.
        return [m.document.get_data() for m in mset]

    fallbacks = sum(1 for t in queries if parse(qp, t)[1])
    for t in queries:  # untimed warm-up pass: page cache and tables warm, as in ours
        run(t)
    ms = []
    empty = 0
    for t in queries:
        t0 = time.perf_counter()
        hits = run(t)
        ms.append((time.perf_counter() - t0) * 1000.0)
        empty += not hits
    ms.sort()
    print(f"xapian latency on {db.get_doccount()} docs, {len(ms)} case titles (seed {args.seed}):")
    print(f"  keyword  p50 {pct(ms, 50):.2f} ms  p95 {pct(ms, 95):.2f} ms  max {ms[-1]:.1f} ms"
          f"  (empty results {empty}, parsed without syntax {fallbacks})")
    return 0


def ndcg_at_10(ranked, gains):
    dcg = sum(gains.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
    ideal = sorted(gains.values(), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def cmd_eval(args):
    db = xapian.WritableDatabase(args.dbdir, xapian.DB_CREATE_OR_OVERWRITE)
    tg = term_generator()
    n = 0
    for rec in read_jsonl(args.corpus):
        index_one(db, tg, rec.get("title", ""), [rec.get("text", "")], rec["_id"])
        n += 1
        if n % COMMIT_EVERY == 0:
            db.commit()
    db.commit()

    qrels = {}
    with open(args.qrels, encoding="utf-8") as f:
        next(f)  # header: query-id corpus-id score
        for line in f:
            qid, did, score = line.rstrip("\n").split("\t")
            qrels.setdefault(qid, {})[did] = int(score)
    qtext = {r["_id"]: r["text"] for r in read_jsonl(args.queries)}

    qp = query_parser(db)
    ndcgs, recalls = [], []
    skipped = 0
    for qid, gains in qrels.items():
        relevant = {d for d, g in gains.items() if g > 0}
        if not relevant or qid not in qtext:
            skipped += 1  # nothing to find: the query cannot be scored
            continue
        enq = xapian.Enquire(db)
        enq.set_query(parse(qp, qtext[qid])[0])
        ranked = [m.document.get_data().decode("utf-8") for m in enq.get_mset(0, 100)]
        ndcgs.append(ndcg_at_10(ranked, gains))
        recalls.append(len(relevant & set(ranked)) / len(relevant))
        if args.show == qid:
            print(f"{qid}: {qtext[qid]!r}\n  top10 {[(d, gains.get(d, 0)) for d in ranked[:10]]}"
                  f"\n  gains {sorted(gains.values(), reverse=True)[:10]}  nDCG@10 {ndcgs[-1]:.4f}")
    print(f"xapian on {n} docs, {len(ndcgs)} queries (skipped {skipped}):")
    print(f"  nDCG@10 {sum(ndcgs) / len(ndcgs):.4f}  Recall@100 {sum(recalls) / len(recalls):.4f}")
    return 0


def main():
    ap = argparse.ArgumentParser(description="Compare Xapian with our keyword search.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("index", help="index a JSONL export")
    p.add_argument("jsonl")
    p.add_argument("dbdir")
    p.set_defaults(func=cmd_index)
    p = sub.add_parser("latency", help="query latency with case titles as queries")
    p.add_argument("dbdir")
    p.add_argument("jsonl")
    p.add_argument("--queries", type=int, default=200)
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(func=cmd_latency)
    p = sub.add_parser("eval", help="nDCG@10 and Recall@100 on a BEIR corpus")
    p.add_argument("corpus")
    p.add_argument("queries")
    p.add_argument("qrels")
    p.add_argument("dbdir")
    p.add_argument("--show", metavar="QID", help="print the ranking of one query, to check by hand")
    p.set_defaults(func=cmd_eval)
    args = ap.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
