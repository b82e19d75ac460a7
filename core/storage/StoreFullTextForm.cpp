// SPDX-License-Identifier: MIT
// The full-text index without a copy of its text: its layout, the form its terms were made under,
// and the rebuild that moves a store to it.
#include "storage/Store.h"
#include "storage/StoreSql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kms {

namespace {

// The tokenizer of resources/schema/0004, and no copy of the text (content = ''). FTS5 then keeps
// only its index, the row sizes BM25 needs, and the rowids.
constexpr const char *kCreateNext =
    "CREATE VIRTUAL TABLE records_fts_next USING fts5 (title, body, resolution, tags, content = '',"
    " tokenize = \"porter unicode61 remove_diacritics 2 tokenchars '_.'\");"
    "INSERT INTO records_fts_next (records_fts_next, rank) VALUES ('automerge', 8);";
constexpr QLatin1String kContentless("content = ''");

// meta keys: the form the index was made under; a rebuild under way ("form|seq|last id").
const QString kFormKey = QStringLiteral("fts_form");
const QString kRebuildKey = QStringLiteral("fts_rebuild");

struct Rebuild {
    QString formId;
    qint64 seq = -1;
    qint64 afterId = 0;
    static Rebuild parse(const QString &text)
    {
        Rebuild r;
        const QStringList parts = text.split(u'|');
        if (parts.size() == 3) {
            r.formId = parts[0];
            r.seq = parts[1].toLongLong();
            r.afterId = parts[2].toLongLong();
        }
        return r;
    }
    QString text() const { return QStringLiteral("%1|%2|%3").arg(formId).arg(seq).arg(afterId); }
};

QString tagsText(const QByteArray &json)
{
    QStringList tags;
    for (const QJsonValue &t : QJsonDocument::fromJson(json).array())
        tags << t.toString();
    return tags.join(u' ');
}

} // namespace

void Store::setMatchingForm(MatchingForm form, const QString &formId)
{
    m_form = std::move(form);
    m_formId = formId;
}

bool Store::fullTextKeepsCopy()
{
    // Only the writer changes the layout, so only it may keep the answer.
    if (!m_ftsKeepsCopy || m_mode == Mode::ReadOnly) {
        sql::Statement st("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'records_fts'");
        if (!st.prepare(m_db, nullptr, false))
            return true;
        sql::Query q(st);
        if (q.step() != SQLITE_ROW)
            return true;
        m_ftsKeepsCopy = !q.text(0).contains(kContentless);
    }
    return *m_ftsKeepsCopy;
}

bool Store::fullTextCurrent()
{
    return !m_formId.isEmpty() && !fullTextKeepsCopy() && meta(kFormKey) == m_formId;
}

int Store::forgetFullText(qint64 id)
{
    if (fullTextKeepsCopy()) {
        sql::Query q(m_stmts->deleteFts);
        q.bind(1, id);
        const int rc = q.step();
        return rc == SQLITE_DONE ? SQLITE_OK : sqlFail(QStringLiteral("removing the full-text row of record %1").arg(id), rc);
    }
    // Terms that were not the row's would leave its real ones behind, matching a text it no
    // longer has: so never guess. An index made under another form is rebuilt first.
    if (!m_form)
        return fail(QStringLiteral("record %1 cannot change: the store was given no matching form for its "
                                   "full-text index").arg(id));
    if (!fullTextCurrent())
        return fail(QStringLiteral("record %1 cannot change: the full-text index was made under another term "
                                   "list and must be rebuilt first (reopen the store as its owner, or run "
                                   "kmsctl compact)").arg(id));
    QString fields[4];
    {
        sql::Query q(m_stmts->indexedFieldsOf);
        q.bind(1, id);
        const int rc = q.step();
        if (rc != SQLITE_ROW)
            return sqlFail(QStringLiteral("reading the indexed fields of record %1").arg(id), rc);
        for (int c = 0; c < 3; ++c)
            fields[c] = m_form(q.text(c));
        fields[3] = m_form(tagsText(q.utf8(3)));
    }
    sql::Query q(m_stmts->forgetFts);
    q.bind(1, id);
    for (int c = 0; c < 4; ++c)
        q.bindTextOrNull(2 + c, fields[c]);
    const int rc = q.step();
    return rc == SQLITE_DONE ? SQLITE_OK : sqlFail(QStringLiteral("removing the full-text terms of record %1").arg(id), rc);
}

qint64 Store::rebuildFullText(int batch, const std::function<void(qint64, qint64)> &progress,
                              const std::atomic<bool> *cancel, qint64 *reformed)
{
    if (reformed)
        *reformed = 0;
    if (!m_form || m_formId.isEmpty()) {
        fail(QStringLiteral("rebuilding the full-text index: no matching form was given"));
        return -1;
    }
    const bool copy = fullTextKeepsCopy();
    const qint64 seq = watermark();
    qint64 total = 0;
    bool nextExists = false;
    {
        sql::Statement st("SELECT (SELECT count(*) FROM records),"
                          " EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'records_fts_next')");
        QString error;
        if (!st.prepare(m_db, &error, false)) {
            fail(QStringLiteral("rebuilding the full-text index: %1").arg(error));
            return -1;
        }
        sql::Query q(st);
        if (const int rc = q.step(); rc != SQLITE_ROW) {
            sqlFail(QStringLiteral("rebuilding the full-text index: counting the records"), rc);
            return -1;
        }
        total = q.int64(0);
        nextExists = q.int64(1) != 0;
    }

    // Go on where a stopped rebuild under the same form left off, if no record changed since
    // (the change sequence moves with every batch and deletion); else start again.
    Rebuild state = Rebuild::parse(meta(kRebuildKey));
    if (!nextExists || state.formId != m_formId || state.seq != seq) {
        state = Rebuild{m_formId, seq, 0};
        const bool ok = writeTransaction([&] {
            if (!exec("DROP TABLE IF EXISTS records_fts_next") || !exec(kCreateNext))
                return fail(QStringLiteral("rebuilding the full-text index: %1").arg(m_lastError));
            return setMeta(kRebuildKey, state.text()) ? SQLITE_OK : SQLITE_ERROR;
        });
        if (!ok)
            return -1;
    }

    const QString select = copy ? QStringLiteral(
                                      "SELECT r.id, r.title, kms_text(r.body), kms_text(r.resolution), r.tags, f.title, f.body, f.resolution,"
                                      " f.tags FROM records r LEFT JOIN records_fts f ON f.rowid = r.id"
                                      " WHERE r.id > ?1 ORDER BY r.id LIMIT ?2")
                                : QStringLiteral("SELECT r.id, r.title, kms_text(r.body), kms_text(r.resolution), r.tags FROM records r"
                                                 " WHERE r.id > ?1 ORDER BY r.id LIMIT ?2");
    sql::Statement page(select);
    sql::Statement insert("INSERT INTO records_fts_next (rowid, title, body, resolution, tags) VALUES (?1, ?2, ?3, ?4, ?5)");
    sql::Statement before("SELECT count(*) FROM records WHERE id <= ?1");
    QString error;
    if (!page.prepare(m_db, &error, false) || !insert.prepare(m_db, &error, false)
        || !before.prepare(m_db, &error, false)) {
        fail(QStringLiteral("rebuilding the full-text index: %1").arg(error));
        return -1;
    }
    qint64 done = 0;
    {
        sql::Query q(before);
        q.bind(1, state.afterId);
        done = q.step() == SQLITE_ROW ? q.int64(0) : 0;
    }
    if (progress)
        progress(done, total);
    bool more = true;
    while (more) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return -2;
        // Set only once the batch is committed: a busy retry runs the body again.
        int rows = 0;
        qint64 lastId = state.afterId, differing = 0;
        const bool ok = writeTransaction([&] {
            rows = 0;
            lastId = state.afterId;
            differing = 0;
            sql::Query q(page);
            q.bind(1, state.afterId).bind(2, batch);
            int rc;
            while ((rc = q.step()) == SQLITE_ROW) {
                const QString form[4] = {m_form(q.text(1)), m_form(q.text(2)), m_form(q.text(3)),
                                         m_form(tagsText(q.utf8(4)))};
                if (copy && (form[0] != q.text(5) || form[1] != q.text(6) || form[2] != q.text(7)
                             || form[3] != q.text(8)))
                    ++differing;
                sql::Query in(insert);
                in.bind(1, q.int64(0));
                for (int c = 0; c < 4; ++c)
                    in.bindTextOrNull(2 + c, form[c]);
                if (const int irc = in.step(); irc != SQLITE_DONE)
                    return sqlFail(QStringLiteral("rebuilding the full-text index: record %1").arg(q.int64(0)), irc);
                lastId = q.int64(0);
                ++rows;
            }
            if (rc != SQLITE_DONE)
                return sqlFail(QStringLiteral("rebuilding the full-text index: reading the records"), rc);
            Rebuild next = state;
            next.afterId = lastId;
            return setMeta(kRebuildKey, next.text()) ? SQLITE_OK : SQLITE_ERROR;
        });
        if (!ok)
            return -1;
        state.afterId = lastId;
        done += rows;
        if (reformed)
            *reformed += differing;
        more = rows == batch;
        if (progress)
            progress(done, total);
    }

    // The swap: searches go from the old index to the new one in one commit.
    const bool ok = writeTransaction([&] {
        if (!exec("DROP TABLE records_fts") || !exec("ALTER TABLE records_fts_next RENAME TO records_fts"))
            return fail(QStringLiteral("replacing the full-text index: %1").arg(m_lastError));
        return setMeta(kFormKey, m_formId) && removeMeta(kRebuildKey) ? SQLITE_OK : SQLITE_ERROR;
    });
    if (!ok)
        return -1;
    m_ftsKeepsCopy = false;
    return done;
}

} // namespace kms
