// SPDX-License-Identifier: MIT
// The raw SQLite connection of a Store: for core/storage's internals and the tests only. Every
// other module goes through Store's own methods, which is what lets storage promise one writer
// (CTest storage_sqlite_confined keeps it so).
#pragma once

#include "storage/Store.h"

namespace kms {

inline sqlite3 *connectionOf(const Store &store)
{
    return store.m_db;
}

} // namespace kms
