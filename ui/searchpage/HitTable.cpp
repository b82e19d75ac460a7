// SPDX-License-Identifier: MIT
#include "searchpage/HitTable.h"

#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>

namespace kms::ui {

namespace {
QString translated(const char *text)
{
    return QCoreApplication::translate("kms::ui::HitTable", text);
}
} // namespace

void setupHitTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false); // Tab leaves the table; arrows move through the hits
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setHighlightSections(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
}

QAction *addMoreLikeThisAction(QTableView *view, int idRole, std::function<void(qint64)> onTriggered)
{
    auto *action = new QAction(translated(QT_TRANSLATE_NOOP("kms::ui::HitTable", "More like this")), view);
    action->setObjectName(QStringLiteral("moreLikeThisAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    action->setShortcutContext(Qt::WidgetShortcut);
    action->setToolTip(
        translated(QT_TRANSLATE_NOOP("kms::ui::HitTable", "Search for the records nearest to this one")));
    view->addAction(action);
    auto currentId = [view, idRole]() -> qint64 {
        const QModelIndex current = view->currentIndex();
        return current.isValid() ? current.siblingAtColumn(0).data(idRole).toLongLong() : 0;
    };
    QObject::connect(action, &QAction::triggered, view, [currentId, onTriggered] {
        if (const qint64 id = currentId(); id > 0)
            onTriggered(id);
    });
    // popup(), not exec(): no nested event loop, and tests can see the menu.
    auto *menu = new QMenu(view);
    menu->setObjectName(QStringLiteral("hitMenu"));
    menu->addAction(action);
    QObject::connect(view, &QTableView::customContextMenuRequested, view, [view, menu](const QPoint &pos) {
        const QModelIndex index = view->indexAt(pos);
        if (!index.isValid())
            return;
        view->setCurrentIndex(index);
        menu->popup(view->viewport()->mapToGlobal(pos));
    });
    return action;
}

} // namespace kms::ui
