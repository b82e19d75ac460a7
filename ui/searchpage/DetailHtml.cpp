// SPDX-License-Identifier: MIT
#include "searchpage/DetailHtml.h"

#include "searchpage/ResultsModel.h"
#include "searchpage/SnippetHtml.h"
#include "widgets/StatusStyle.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace kms::ui {

DetailContext DetailContext::of(const SearchQuery &query, const SearchResult &r, int rank)
{
    DetailContext c;
    c.query = query;
    c.expandedQuery = r.expandedQuery;
    c.ftsQuery = r.ftsQuery;
    c.expansionTerms = r.expansionTerms;
    c.keywordCandidates = r.keywordCandidates;
    c.vectorCandidates = r.vectorCandidates;
    c.exactVectorSearch = r.exactVectorSearch;
    c.rank = rank;
    return c;
}

namespace {
// lupdate files tr() calls of free functions under the enclosing namespace, so the catalogue
// context is "kms::ui"; looking them up under any other name would never find a translation.
QString tr(const char *text)
{
    return QCoreApplication::translate("kms::ui", text);
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString number(double v, int precision)
{
    return QLocale().toString(v, 'f', precision);
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px; color:gray; white-space:nowrap\">%1</td><td>%2</td></tr>")
        .arg(esc(label), valueHtml);
}

QString date(const QDateTime &d)
{
    return d.isValid() ? esc(QLocale().toString(d.toLocalTime(), QLocale::ShortFormat)) : tr("unknown");
}

QString modeText(const DetailContext &c)
{
    if (!c.similarLabel.isEmpty())
        return tr("more like %1 (vector neighbours)").arg(esc(c.similarLabel));
    switch (c.query.mode) {
    case SearchMode::Keyword: return tr("keyword (BM25)");
    case SearchMode::Vector: return tr("vector (cosine similarity)");
    case SearchMode::Hybrid:
        return c.query.fusion == FusionMethod::Rrf
                   ? tr("hybrid, reciprocal rank fusion (k %1), keyword weight %2")
                         .arg(c.query.rrfK).arg(number(c.query.keywordWeight, 2))
                   : tr("hybrid, weighted score fusion, keyword weight %1").arg(number(c.query.keywordWeight, 2));
    }
    return {};
}

QString section(const QString &title, const QString &bodyHtml)
{
    return QStringLiteral("<h4 style=\"margin-bottom:2px\">%1</h4><p style=\"margin-top:0\">%2</p>").arg(esc(title), bodyHtml);
}
} // namespace

QString explanationHtml(const SearchHit &hit, const DetailContext &c)
{
    const HitExplanation &e = hit.explanation;
    const bool similar = !c.similarLabel.isEmpty();
    const bool usesKeyword = !similar && c.query.mode != SearchMode::Vector;
    const bool usesVector = similar || c.query.mode != SearchMode::Keyword;
    QString rows;
    rows += row(tr("Rank"), QString::number(c.rank));
    rows += row(tr("Ranked by"), modeText(c));
    if (!similar && c.query.mode == SearchMode::Hybrid)
        rows += row(tr("Fused score"), esc(QLocale().toString(e.fused, 'g', 5)));
    if (usesKeyword)
        rows += row(tr("Keyword (BM25)"),
                    e.keywordRank > 0 ? tr("rank %1 of %2 · score %3").arg(e.keywordRank).arg(c.keywordCandidates).arg(number(e.bm25, 3))
                                      : tr("not in the keyword list (%1 candidates)").arg(c.keywordCandidates));
    if (usesVector)
        rows += row(tr("Vector"),
                    e.vectorRank > 0 ? tr("rank %1 of %2 · similarity %3").arg(e.vectorRank).arg(c.vectorCandidates).arg(number(e.similarity, 3))
                                     : tr("not in the vector list (%1 candidates)").arg(c.vectorCandidates));
    if (usesVector)
        rows += row(tr("Vector search"), c.exactVectorSearch ? tr("exact (every record the filters keep was scored)")
                                                             : tr("approximate (HNSW index)"));
    if (!similar) {
        rows += row(tr("Query as searched"), c.expandedQuery.isEmpty() ? tr("(nothing searchable)") : esc(c.expandedQuery));
        if (!c.ftsQuery.isEmpty())
            rows += row(tr("FTS5 expression"), QStringLiteral("<code>%1</code>").arg(esc(c.ftsQuery)));
        if (!c.expansionTerms.isEmpty())
            rows += row(tr("Expanded with"), tr("%1 · this record's score from them %2")
                                                 .arg(esc(c.expansionTerms.join(QStringLiteral(", "))), number(e.expansion, 3)));
    }
    return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">%1</table>").arg(rows);
}

QString detailHtml(const SearchHit &hit, const DetailContext &c, const RecordDetail *d, const QColor &highlight)
{
    const Record *r = d && d->record ? &d->record->record : nullptr;
    QString html;
    const QString title = r ? spansToHtml(r->title, d->titleMatches, highlight) : esc(hit.title);
    html += QStringLiteral("<h3 style=\"margin-bottom:2px\">%1</h3>").arg(title);

    QString meta;
    meta += row(tr("Id"), esc(hit.externalId));
    meta += row(tr("Collection"), esc(ResultsModel::collectionLabel(hit.collection)));
    if (hit.collection == Collection::Cases) {
        meta += row(tr("Status"), esc(hit.status));
        meta += row(tr("Priority"), esc(hit.priority));
        meta += row(tr("Product"), esc(hit.product));
    } else {
        meta += row(tr("Category"), esc(hit.category));
    }
    if (r) {
        meta += row(tr("Tags"), r->tags.isEmpty() ? tr("none") : esc(r->tags.join(QStringLiteral(", "))));
        meta += row(tr("Created"), date(r->createdAt));
    }
    meta += row(tr("Updated"), date(r ? r->updatedAt : hit.updatedAt));
    // The record's fields beside the explanation: the pane is wide and short.
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                           "<td valign=\"top\" width=\"40%\"><table cellspacing=\"0\" cellpadding=\"1\">%1</table></td>"
                           "<td valign=\"top\" style=\"padding-left:16px\"><b>%2</b>%3</td></tr></table>")
                .arg(meta, esc(tr("Why it ranks here")), explanationHtml(hit, c));

    if (!d) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("Loading the record …")));
        return html;
    }
    if (!r) {
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(statusstyle::textColor(statusstyle::Tone::Error).name(), esc(tr("The record could not be read (it may have been deleted since the search): %1").arg(d->error)));
        return html;
    }
    const QString bodyTitle = r->collection == Collection::Cases ? tr("Description") : tr("Article");
    html += section(bodyTitle, r->body.isEmpty() ? tr("(empty)") : spansToHtml(r->body, d->bodyMatches, highlight));
    if (!r->resolution.isEmpty())
        html += section(tr("Resolution"), spansToHtml(r->resolution, d->resolutionMatches, highlight));
    if (!r->extra.isEmpty()) {
        QString extra;
        for (auto it = r->extra.begin(); it != r->extra.end(); ++it) {
            const QJsonValue v = it.value();
            QString text;
            if (v.isString())
                text = v.toString();
            else if (v.isArray())
                text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
            else if (v.isObject())
                text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            else
                text = v.toVariant().toString();
            extra += row(it.key(), esc(text));
        }
        html += QStringLiteral("<h4 style=\"margin-bottom:2px\">%1</h4><table cellspacing=\"0\" cellpadding=\"1\">%2</table>")
                    .arg(esc(tr("Other fields")), extra);
    }
    return html;
}

} // namespace kms::ui
