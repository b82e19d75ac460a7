// SPDX-License-Identifier: MIT
#pragma once

#include "searchpage/DetailHtml.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace kms::ui {

class EngineHost;

// The detail pane: the selected hit's whole record, read from the store in the background (the
// newest selection wins), with the query's words marked, and the score explanation.
class HitDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit HitDetailView(EngineHost *host, QWidget *parent = nullptr);

    void showHit(const SearchHit &hit, const DetailContext &context);
    void clear(const QString &message = {});
    qint64 currentId() const { return m_hit.id; }
    bool isLoading() const { return m_loading; }
    QString plainText() const; // what the pane shows, as text (tests, copying)

signals:
    void loaded(qint64 id);                 // the record arrived (or could not be read)
    void moreLikeThisRequested(qint64 id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    EngineHost *m_host;
    QLabel *m_heading;
    QTextBrowser *m_browser;
    QPushButton *m_moreLikeThis;
    SearchHit m_hit;
    DetailContext m_context;
    std::optional<RecordDetail> m_detail;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace kms::ui
