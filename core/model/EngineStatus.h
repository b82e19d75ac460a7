// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace kms {

// Where an open engine keeps its files, and what its vector side holds: what `kmsctl status`, the
// dashboard and the API show without running a query.
struct EngineStatus {
    QString dataDirectory;
    QString databasePath;
    QString indexPath;
    // Ready: in memory. Loading: a background load runs (vector search answers keyword-only until
    // it is done). NotLoaded: loaded when a verb first needs vectors; indexVectors is then the live
    // count the saved file's header records (0 without a readable file).
    enum class IndexState { Ready, Loading, NotLoaded };
    IndexState indexState = IndexState::Ready;
    qint64 indexLoadingForMs = 0; // how long the background load has run, when Loading
    qint64 indexVectors = 0;
    QString embedderId;
    int dimension = 0;
    // Set when this engine is a read-only view of a data directory another process owns: who owns
    // it ("kmsctl (pid 4242) on host1"). Such a view writes nothing.
    QString readOnlyBeside;
    // Why a read-only view searches by keyword only (its index could not be made current without
    // writing); empty when vector search works.
    QString vectorSearchUnavailable;
};

} // namespace kms
