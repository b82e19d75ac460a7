// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <functional>

class QAction;
class QTableView;

namespace kms::ui {

// The look and behaviour every hit list shares: whole-row single selection, compact rows, no grid.
void setupHitTable(QTableView *view);

// A context menu with "More like this" on the row under the mouse; the row's record id comes from
// idRole. Returns the menu's action (also usable from the keyboard with Ctrl+M when the view has focus).
QAction *addMoreLikeThisAction(QTableView *view, int idRole, std::function<void(qint64)> onTriggered);

} // namespace kms::ui
