// SPDX-License-Identifier: MIT
#include "searchpage/SearchHistory.h"

#include "host/EngineHost.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QLocale>
#include <QMenu>

#include <algorithm>

namespace kms::ui {

namespace {
// Entries that would run the same search are one entry.
bool sameSearch(const HistoryEntry &a, const HistoryEntry &b)
{
    return a.mode == b.mode && a.filtersJson == b.filtersJson
           && a.text.simplified().compare(b.text.simplified(), Qt::CaseInsensitive) == 0;
}

QString modeLabel(SearchMode m)
{
    switch (m) {
    case SearchMode::Keyword: return SearchHistory::tr("keyword");
    case SearchMode::Vector: return SearchHistory::tr("vector");
    case SearchMode::Hybrid: return SearchHistory::tr("hybrid");
    }
    return {};
}
} // namespace

SearchHistory::SearchHistory(QObject *parent)
    : QObject(parent)
    , m_menu(new QMenu)
{
    m_menu->setObjectName(QStringLiteral("recentMenu"));
    m_menu->setTitle(tr("Recent searches"));
    rebuildMenu();
}

SearchHistory::~SearchHistory()
{
    delete m_menu; // a menu has no widget parent here: it is shared by whoever shows it
}

void SearchHistory::load(EngineHost *host)
{
    // More than shown: repeats of the same query are folded together.
    host->run(
        this, [](Engine &e) { return e.recentSearches(SearchHistory::kMaxEntries * 10); },
        [this](const QList<SearchLogEntry> &logged) {
            QList<HistoryEntry> older;
            for (const SearchLogEntry &l : logged) {
                if (l.text.trimmed().isEmpty())
                    continue;
                older.append({l.text, l.mode, l.filtersJson.isEmpty() ? QStringLiteral("{}") : l.filtersJson,
                              l.hits, l.timestampMs});
            }
            merge(older);
        });
}

void SearchHistory::add(const HistoryEntry &entry)
{
    if (entry.text.trimmed().isEmpty())
        return;
    m_entries.removeIf([&](const HistoryEntry &e) { return sameSearch(e, entry); });
    m_entries.prepend(entry);
    if (m_entries.size() > kMaxEntries)
        m_entries.resize(kMaxEntries);
    rebuildMenu();
    emit changed();
}

void SearchHistory::merge(const QList<HistoryEntry> &older)
{
    // Searches made while the log was loading are newer than anything in it.
    for (const HistoryEntry &o : older) {
        if (m_entries.size() >= kMaxEntries)
            break;
        const bool known = std::any_of(m_entries.cbegin(), m_entries.cend(),
                                       [&](const HistoryEntry &e) { return sameSearch(e, o); });
        if (!known)
            m_entries.append(o);
    }
    rebuildMenu();
    emit changed();
}

void SearchHistory::rebuildMenu()
{
    m_menu->clear();
    if (m_entries.isEmpty()) {
        m_menu->addAction(tr("No searches yet"))->setEnabled(false);
        return;
    }
    const QFontMetrics metrics(m_menu->font());
    for (const HistoryEntry &e : m_entries) {
        const QString text = metrics.elidedText(e.text.simplified(), Qt::ElideRight, 360);
        const QString label = e.filtersJson == QLatin1String("{}")
                                  ? tr("%1 — %2").arg(text, modeLabel(e.mode))
                                  : tr("%1 — %2, filtered").arg(text, modeLabel(e.mode));
        QAction *action = m_menu->addAction(label);
        const QString when = e.timestampMs > 0
                                 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.timestampMs), QLocale::ShortFormat)
                                 : QString();
        action->setToolTip(tr("%1\nFilters: %2\n%3 hits, %4").arg(e.text, e.filtersJson).arg(e.hits).arg(when));
        connect(action, &QAction::triggered, this, [this, e] { emit chosen(e); });
    }
}

} // namespace kms::ui
