// SPDX-License-Identifier: MIT
// The search box: parseQuery with the built-in term dictionary, every form of the parsed query the
// engine uses, and the promise QueryParser.h makes: user text never yields an FTS5 syntax error.
// The MATCH expressions are run against an empty FTS5 table built like records_fts (schema 0004),
// so a malformed one aborts here instead of surfacing as "fts5: syntax error" in a search.
#include "search/QueryParser.h"
#include "text/Normalizer.h"
#include "text/TermDictionary.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace kms;

namespace {

sqlite3 *ftsDatabase()
{
    static sqlite3 *db = [] {
        sqlite3 *d = nullptr;
        const char *schema =
            "CREATE VIRTUAL TABLE records_fts USING fts5(title, body, resolution, tags, "
            "tokenize = \"porter unicode61 remove_diacritics 2 tokenchars '_.'\");"
            "INSERT INTO records_fts(rowid, title, body) VALUES (1, 'vpn client', 'tunnel drops');";
        if (sqlite3_open(":memory:", &d) != SQLITE_OK || sqlite3_exec(d, schema, nullptr, nullptr, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "cannot create the FTS5 table: %s\n", sqlite3_errmsg(d));
            std::abort();
        }
        return d;
    }();
    return db;
}

void checkMatch(const QString &match, QStringView query)
{
    if (match.isEmpty())
        return;
    sqlite3 *db = ftsDatabase();
    sqlite3_stmt *stmt = nullptr;
    const QByteArray m = match.toUtf8();
    int rc = sqlite3_prepare_v2(db, "SELECT rowid FROM records_fts WHERE records_fts MATCH ?", -1, &stmt, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 1, m.constData(), int(m.size()), SQLITE_TRANSIENT);
    while (rc == SQLITE_OK || rc == SQLITE_ROW)
        rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE) {
        std::fprintf(stderr, "query %s gave MATCH %s, which FTS5 refuses: %s\n",
                     qPrintable(query.toString()), m.constData(), sqlite3_errmsg(db));
        std::abort();
    }
    sqlite3_finalize(stmt);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Normalizer normalizer(std::make_shared<TermDictionary>(TermDictionary::builtIn()));
    // The search box and the REST API hand the parser a QString decoded from UTF-8, as here.
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParsedQuery q = parseQuery(text, normalizer);
    (void)q.hasPositive();
    (void)q.highlightTerms();
    (void)modelQueryText(text, normalizer);
    checkMatch(q.toFtsMatch(), text);
    checkMatch(q.toFtsMatchAll(), text);
    const QStringList parts = q.ftsPositiveParts();
    if (parts.size() != q.positiveCount() || q.positiveCount() > kMaxQueryParts) {
        std::fprintf(stderr, "query %s: %lld parts, positiveCount %d\n", qPrintable(text),
                     static_cast<long long>(parts.size()), q.positiveCount());
        std::abort();
    }
    // Keyword search's selective pass: the rarest parts, AND-ed and OR-ed.
    if (!parts.isEmpty()) {
        checkMatch(q.ftsMatchOf(parts.mid(0, 1), true), text);
        checkMatch(q.ftsMatchOf(parts.mid(parts.size() / 2), false), text);
    }
    return 0;
}
