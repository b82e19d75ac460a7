// SPDX-License-Identifier: MIT
#pragma once

#include "searchpage/DetailHtml.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableView;

namespace kms::ui {

class CompareModel;
class EngineHost;
class SearchRunner;

// The same query searched two ways side by side (two modes, or two fusion settings), each hit
// showing its rank in the other list. Both searches run in the background; a new comparison
// cancels the running one.
class CompareView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDepth = 100; // how deep each list is searched for "rank in the other list"

    explicit CompareView(EngineHost *host, QWidget *parent = nullptr);

    // Runs both sides for base's text and filters; each side shows base.k hits.
    void compare(const SearchQuery &base);
    bool isRunning() const;
    CompareModel *model(int side) const { return side == 0 ? m_modelA : m_modelB; }
    QTableView *table(int side) const { return side == 0 ? m_tableA : m_tableB; }
    QString summary() const;
    QWidget *firstInTabOrder() const;

signals:
    void compared();
    void hitSelected(const kms::SearchHit &hit, const kms::ui::DetailContext &context);
    void moreLikeThisRequested(qint64 id);
    void runRequested(); // the Compare button: the page supplies the current query

private:
    struct Side {
        QComboBox *mode;
        QComboBox *fusion;
        QDoubleSpinBox *keywordWeight;
    };
    // What a table shows: the result and the query it came from (a new comparison may be running).
    struct Shown {
        SearchResult result;
        SearchQuery query;
    };
    QWidget *buildSide(int index, Side &side, SearchMode mode);
    SearchQuery sideQuery(const Side &side) const;
    void finish();
    void select(int side, const QModelIndex &index);

    SearchRunner *m_runnerA;
    SearchRunner *m_runnerB;
    CompareModel *m_modelA;
    CompareModel *m_modelB;
    QTableView *m_tableA;
    QTableView *m_tableB;
    Side m_sideA{};
    Side m_sideB{};
    QPushButton *m_run;
    QLabel *m_summary;
    SearchQuery m_base;
    SearchQuery m_queryA, m_queryB;
    std::optional<SearchResult> m_resultA, m_resultB;
    Shown m_shownA, m_shownB;
    bool m_syncing = false;
};

} // namespace kms::ui
