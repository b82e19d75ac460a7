// SPDX-License-Identifier: MIT
#include "searchpage/HitDetailView.h"

#include "host/EngineHost.h"
#include "searchpage/SnippetHtml.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace kms::ui {

HitDetailView::HitDetailView(EngineHost *host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_heading(new QLabel(tr("Details"), this))
    , m_browser(new QTextBrowser(this))
    , m_moreLikeThis(new QPushButton(tr("More like this"), this))
{
    setObjectName(QStringLiteral("detailPane"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_browser->setObjectName(QStringLiteral("detail"));
    m_browser->setAccessibleName(tr("Record details and score explanation"));
    m_browser->setOpenLinks(false);
    m_moreLikeThis->setObjectName(QStringLiteral("detailMoreLikeThis"));
    m_moreLikeThis->setAccessibleName(tr("More like this record"));
    m_moreLikeThis->setToolTip(tr("Search for the records nearest to this one"));
    m_moreLikeThis->setEnabled(false);

    auto *head = new QHBoxLayout;
    head->addWidget(m_heading, 1);
    head->addWidget(m_moreLikeThis);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(m_browser, 1);

    connect(m_moreLikeThis, &QPushButton::clicked, this, [this] {
        if (m_hit.id > 0)
            emit moreLikeThisRequested(m_hit.id);
    });
    clear();
}

void HitDetailView::showHit(const SearchHit &hit, const DetailContext &context)
{
    const quint64 generation = ++m_generation;
    m_hit = hit;
    m_context = context;
    m_detail.reset();
    m_loading = true;
    m_moreLikeThis->setEnabled(true);
    render();
    const QString text = context.similarLabel.isEmpty() ? context.query.text : QString();
    m_host->run(
        this, [id = hit.id, text](Engine &e) { return e.recordDetail(id, text); },
        [this, generation, id = hit.id](RecordDetail detail) {
            if (generation != m_generation)
                return; // the selection moved on
            if (!detail.record && detail.error.isEmpty())
                detail.error = tr("the engine could not read it; the log has the details");
            m_detail = std::move(detail);
            m_loading = false;
            render();
            emit loaded(id);
        });
}

void HitDetailView::clear(const QString &message)
{
    ++m_generation;
    m_hit = {};
    m_detail.reset();
    m_loading = false;
    m_moreLikeThis->setEnabled(false);
    m_heading->setText(tr("Details"));
    m_browser->setHtml(QStringLiteral("<p style=\"color:gray\">%1</p>")
                           .arg((message.isEmpty() ? tr("Select a hit to see its record and why it ranks where it does.")
                                                   : message).toHtmlEscaped()));
}

void HitDetailView::render()
{
    if (m_hit.id <= 0)
        return;
    m_heading->setText(tr("Details: %1").arg(m_hit.externalId));
    const QColor highlight = matchBackground(palette().color(QPalette::Base));
    const int scroll = m_detail ? m_browser->verticalScrollBar()->value() : 0;
    m_browser->setHtml(detailHtml(m_hit, m_context, m_detail ? &*m_detail : nullptr, highlight));
    m_browser->verticalScrollBar()->setValue(scroll);
}

QString HitDetailView::plainText() const
{
    return m_browser->toPlainText();
}

void HitDetailView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render(); // the match colour follows a light / dark theme switch
}

} // namespace kms::ui
