// SPDX-License-Identifier: MIT
#pragma once

#include "search/SearchTypes.h"

#include <QList>
#include <QObject>

class QMenu;

namespace kms::ui {

class EngineHost;

// A query the user ran, as the search log keeps it: enough to run it again.
struct HistoryEntry {
    QString text;
    SearchMode mode = SearchMode::Hybrid;
    QString filtersJson = QStringLiteral("{}");
    int hits = 0;
    qint64 timestampMs = 0;
};

// Recent queries, newest first and without repeats, for the console's "Recent" menu. Persisted by
// the engine's search log (every logged search is in it, also those from kmsctl): load() reads it
// at start, add() keeps the list current without waiting for the log's background flush.
class SearchHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 20;

    explicit SearchHistory(QObject *parent = nullptr);
    ~SearchHistory() override;

    void load(EngineHost *host);
    void add(const HistoryEntry &entry);
    const QList<HistoryEntry> &entries() const { return m_entries; }
    QMenu *menu() const { return m_menu; }

signals:
    void chosen(const kms::ui::HistoryEntry &entry);
    void changed();

private:
    void merge(const QList<HistoryEntry> &older);
    void rebuildMenu();

    QList<HistoryEntry> m_entries;
    QMenu *m_menu;
};

} // namespace kms::ui
