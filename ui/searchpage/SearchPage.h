// SPDX-License-Identifier: MIT
#pragma once

#include "searchpage/SearchRunner.h"

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace kms::ui {

class CompareView;
class EngineHost;
class HitDetailView;
class ResultsModel;
class SearchForm;
class SearchHistory;
struct DetailContext;
struct HistoryEntry;

// The search console: a query with mode, filters and fusion settings; one page of hits with
// highlighted snippets; the selected hit's record and score explanation; more like this; recent
// searches; and a side-by-side comparison of two ways to search. Every search runs on the engine
// host's pool; a newer query cancels the running one and its late result is dropped.
class SearchPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 250;

    explicit SearchPage(EngineHost *host, QWidget *parent = nullptr);

    // Ctrl+K / Ctrl+F: focus the query box. The main window adds it to itself, so it works from
    // any page; activationRequested() asks the window to show this page first.
    QAction *focusSearchAction() const { return m_focusAction; }

    ResultsModel *resultsModel() const { return m_model; }
    QTableView *resultsView() const { return m_table; }
    HitDetailView *detailView() const { return m_detail; }
    CompareView *compareView() const { return m_compare; }
    SearchForm *form() const { return m_form; }
    SearchHistory *history() const { return m_history; }
    SearchRunner *runner() const { return m_runner; }
    QString statusText() const;

public slots:
    void runSearch();                 // what Enter does: search now with the form's query (logged)
    void showCompare();               // switch to the comparison and run it for the form's query
    void moreLikeThis(qint64 recordId);
    void nextPage();
    void previousPage();

signals:
    void activationRequested();
    void resultsShown();              // a result (hits or an error) replaced the list

private:
    void onOpened(bool ok, const QString &error);
    void runFromForm(bool logged);
    void start(const SearchRequest &request);
    void onFinished(const SearchResult &result);
    void onCurrentRowChanged(const QModelIndex &current);
    void onHistoryChosen(const HistoryEntry &entry);
    void runCompare();
    void focusQuery();
    void setStatus(const QString &text, bool error = false);
    DetailContext detailContext(int row) const;
    QWidget *buildResultsTab();
    void setupTabOrder();

    EngineHost *m_host;
    SearchForm *m_form;
    SearchRunner *m_runner;
    SearchHistory *m_history;
    ResultsModel *m_model;
    QTableView *m_table;
    QTabWidget *m_tabs;
    CompareView *m_compare;
    HitDetailView *m_detail;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_pageLabel = nullptr;
    QLabel *m_latency = nullptr;
    QLabel *m_status;
    QTimer *m_debounce;
    QAction *m_focusAction;
    SearchRequest m_shown;            // the request whose hits are in the table
    SearchResult m_shownResult;       // its result without the hits (explanations)
};

} // namespace kms::ui
