<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>kms::ui</name>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
    <message>
        <source>Live workers</source>
        <translation>Live workers</translation>
    </message>
    <message>
        <source>%1 · %2 batches · %3 rec/s · last seen %4</source>
        <translation>%1 · %2 batches · %3 rec/s · last seen %4</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>not saved yet</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>truncated</translation>
    </message>
    <message>
        <source>corrupt</source>
        <translation>corrupt</translation>
    </message>
    <message>
        <source>made by another embedder</source>
        <translation>made by another embedder</translation>
    </message>
    <message>
        <source>another format version</source>
        <translation>another format version</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Cases · articles</source>
        <translation>Cases · articles</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Embeddings (distinct texts)</source>
        <translation>Embeddings (distinct texts)</translation>
    </message>
    <message>
        <source>Jobs · rejects</source>
        <translation>Jobs · rejects</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>File size</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <source>Change sequence</source>
        <translation>Change sequence</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>Quick check</source>
        <translation>Quick check</translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1 (at %2)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Vectors</source>
        <translation>Vectors</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>not loaded</translation>
    </message>
    <message>
        <source>%1 — one per record</source>
        <translation>%1 — one per record</translation>
    </message>
    <message>
        <source>%1 for %2 records</source>
        <translation>%1 for %2 records</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>%1 (%2 used)</source>
        <translation>%1 (%2 used)</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>HNSW</source>
        <translation>HNSW</translation>
    </message>
    <message>
        <source>no file yet</source>
        <translation>no file yet</translation>
    </message>
    <message>
        <source>%1, saved at change %2</source>
        <translation>%1, saved at change %2</translation>
    </message>
    <message>
        <source>File check</source>
        <translation>File check</translation>
    </message>
    <message>
        <source>At start</source>
        <translation>At start</translation>
    </message>
    <message>
        <source>Embedder</source>
        <translation>Embedder</translation>
    </message>
    <message>
        <source>Stored vectors</source>
        <translation>Stored vectors</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>made by this embedder</source>
        <translation>made by this embedder</translation>
    </message>
    <message>
        <source>made by %1</source>
        <translation>made by %1</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 of %2 (%3)</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>This process</source>
        <translation>This process</translation>
    </message>
    <message>
        <source>%1 (%2 of RAM)</source>
        <translation>%1 (%2 of RAM)</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Vector index</source>
        <translation>Vector index</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>more like %1 (vector neighbours)</source>
        <translation>more like %1 (vector neighbours)</translation>
    </message>
    <message>
        <source>keyword (BM25)</source>
        <translation>keyword (BM25)</translation>
    </message>
    <message>
        <source>vector (cosine similarity)</source>
        <translation>vector (cosine similarity)</translation>
    </message>
    <message>
        <source>hybrid, reciprocal rank fusion (k %1), keyword weight %2</source>
        <translation>hybrid, reciprocal rank fusion (k %1), keyword weight %2</translation>
    </message>
    <message>
        <source>hybrid, weighted score fusion, keyword weight %1</source>
        <translation>hybrid, weighted score fusion, keyword weight %1</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Ranked by</source>
        <translation>Ranked by</translation>
    </message>
    <message>
        <source>Fused score</source>
        <translation>Fused score</translation>
    </message>
    <message>
        <source>Keyword (BM25)</source>
        <translation>Keyword (BM25)</translation>
    </message>
    <message>
        <source>rank %1 of %2 · score %3</source>
        <translation>rank %1 of %2 · score %3</translation>
    </message>
    <message>
        <source>not in the keyword list (%1 candidates)</source>
        <translation>not in the keyword list (%1 candidates)</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>Vector</translation>
    </message>
    <message>
        <source>rank %1 of %2 · similarity %3</source>
        <translation>rank %1 of %2 · similarity %3</translation>
    </message>
    <message>
        <source>not in the vector list (%1 candidates)</source>
        <translation>not in the vector list (%1 candidates)</translation>
    </message>
    <message>
        <source>Vector search</source>
        <translation>Vector search</translation>
    </message>
    <message>
        <source>exact (every record the filters keep was scored)</source>
        <translation>exact (every record the filters keep was scored)</translation>
    </message>
    <message>
        <source>approximate (HNSW index)</source>
        <translation>approximate (HNSW index)</translation>
    </message>
    <message>
        <source>Query as searched</source>
        <translation>Query as searched</translation>
    </message>
    <message>
        <source>(nothing searchable)</source>
        <translation>(nothing searchable)</translation>
    </message>
    <message>
        <source>FTS5 expression</source>
        <translation>FTS5 expression</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Why it ranks here</source>
        <translation>Why it ranks here</translation>
    </message>
    <message>
        <source>Loading the record …</source>
        <translation>Loading the record …</translation>
    </message>
    <message>
        <source>The record could not be read (it may have been deleted since the search): %1</source>
        <translation>The record could not be read (it may have been deleted since the search): %1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>Other fields</translation>
    </message>
    <message>
        <source>Expanded with</source>
        <translation>Expanded with</translation>
    </message>
    <message>
        <source>%1 · this record&apos;s score from them %2</source>
        <translation>%1 · this record&apos;s score from them %2</translation>
    </message>
    <message>
        <source>built in (hashed words)</source>
        <translation>built in (hashed words)</translation>
    </message>
    <message>
        <source>learned from the records (LSA)</source>
        <translation>learned from the records (LSA)</translation>
    </message>
    <message>
        <source>embedding server</source>
        <translation>embedding server</translation>
    </message>
    <message>
        <source>local model folder</source>
        <translation>local model folder</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>runs</translation>
    </message>
    <message>
        <source>cannot run: %1</source>
        <translation>cannot run: %1</translation>
    </message>
    <message>
        <source>reachable (no failed request)</source>
        <translation>reachable (no failed request)</translation>
    </message>
    <message>
        <source>last request failed</source>
        <translation>last request failed</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Waiting for a vector</source>
        <translation>Waiting for a vector</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Full-text index</source>
        <translation>Full-text index</translation>
    </message>
    <message>
        <source>keeps its own copy of the text; kmsctl compact gives that space back</source>
        <translation>keeps its own copy of the text; kmsctl compact gives that space back</translation>
    </message>
    <message>
        <source>M %1 · ef construction %2 · ef search %3</source>
        <translation>M %1 · ef construction %2 · ef search %3</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>%1 (each searched, hits merged)</source>
        <translation>%1 (each searched, hits merged)</translation>
    </message>
</context>
<context>
    <name>kms::ui::ApiPage</name>
    <message>
        <source>&amp;Serve the REST API</source>
        <translation>&amp;Serve the REST API</translation>
    </message>
    <message>
        <source>Address the API listens on</source>
        <translation>Address the API listens on</translation>
    </message>
    <message>
        <source>127.0.0.1: only programs on this machine can call the API. 0.0.0.0: every network this machine is on; anyone who can reach it can try tokens.</source>
        <translation>127.0.0.1: only programs on this machine can call the API. 0.0.0.0: every network this machine is on; anyone who can reach it can try tokens.</translation>
    </message>
    <message>
        <source>Port the API listens on</source>
        <translation>Port the API listens on</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Recent requests</source>
        <translation>Recent requests</translation>
    </message>
    <message>
        <source>Serving at %1 — only GET /api/v1/health answers without a token.</source>
        <translation>Serving at %1 — only GET /api/v1/health answers without a token.</translation>
    </message>
    <message>
        <source>Not serving: %1</source>
        <translation>Not serving: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>Waiting for the data directory to open.</source>
        <translation>Waiting for the data directory to open.</translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation>Warning: %1.</translation>
    </message>
</context>
<context>
    <name>kms::ui::ApiService</name>
    <message>
        <source>The API server is already running.</source>
        <translation>The API server is already running.</translation>
    </message>
    <message>
        <source>The data directory is not open yet.</source>
        <translation>The data directory is not open yet.</translation>
    </message>
</context>
<context>
    <name>kms::ui::AppSettings</name>
    <message>
        <source>The data directory must be an absolute path such as %1; “%2” is not.</source>
        <translation>The data directory must be an absolute path such as %1; “%2” is not.</translation>
    </message>
    <message>
        <source>The data directory “%1” is a file, not a folder.</source>
        <translation>The data directory “%1” is a file, not a folder.</translation>
    </message>
    <message>
        <source>The data directory “%1” is not writable.</source>
        <translation>The data directory “%1” is not writable.</translation>
    </message>
    <message>
        <source>Unknown theme “%1” (use system, light or dark).</source>
        <translation>Unknown theme “%1” (use system, light or dark).</translation>
    </message>
    <message>
        <source>Unknown language “%1” (use system, en or de).</source>
        <translation>Unknown language “%1” (use system, en or de).</translation>
    </message>
    <message>
        <source>Workers must be a whole number from %1 to %2 (0 means one per processor core); “%3” is not.</source>
        <translation>Workers must be a whole number from %1 to %2 (0 means one per processor core); “%3” is not.</translation>
    </message>
    <message>
        <source>Batch size must be 0 (automatic) or a whole number from 50 to %1; “%2” is not.</source>
        <translation>Batch size must be 0 (automatic) or a whole number from 50 to %1; “%2” is not.</translation>
    </message>
    <message>
        <source>“%1” is neither on (true) nor off (false).</source>
        <translation>“%1” is neither on (true) nor off (false).</translation>
    </message>
    <message>
        <source>The API address must be an IP address of this machine such as 127.0.0.1 (or 0.0.0.0 for every network); “%1” is not.</source>
        <translation>The API address must be an IP address of this machine such as 127.0.0.1 (or 0.0.0.0 for every network); “%1” is not.</translation>
    </message>
    <message>
        <source>The API port must be a whole number from 1 to 65535; “%1” is not.</source>
        <translation>The API port must be a whole number from 1 to 65535; “%1” is not.</translation>
    </message>
</context>
<context>
    <name>kms::ui::ApplicationSettingsPanel</name>
    <message>
        <source>Choose the data directory</source>
        <translation>Choose the data directory</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Default: %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Folder</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>New ingestion jobs</source>
        <translation>New ingestion jobs</translation>
    </message>
    <message>
        <source>Workers of new ingestion jobs</source>
        <translation>Workers of new ingestion jobs</translation>
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation>Automatic (one per core)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <source>Batch size of new ingestion jobs</source>
        <translation>Batch size of new ingestion jobs</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>&amp;Batch size</translation>
    </message>
    <message>
        <source>Preset in the ingestion page&apos;s form; each job can change them.</source>
        <translation>Preset in the ingestion page&apos;s form; each job can change them.</translation>
    </message>
    <message>
        <source>Scheduled syncs…</source>
        <translation>Scheduled syncs…</translation>
    </message>
    <message>
        <source>Show the scheduled syncs on the ingestion page</source>
        <translation>Show the scheduled syncs on the ingestion page</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>Restore the default application settings</source>
        <translation>Restore the default application settings</translation>
    </message>
    <message>
        <source>Default settings restored.</source>
        <translation>Default settings restored.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Saved. KMS Admin opens %1 from its next start.</source>
        <translation>Saved. KMS Admin opens %1 from its next start.</translation>
    </message>
    <message>
        <source>Scheduled syncs are managed on the ingestion page.</source>
        <translation>Scheduled syncs are managed on the ingestion page.</translation>
    </message>
    <message>
        <source>This build has no ingestion page.</source>
        <translation>This build has no ingestion page.</translation>
    </message>
    <message>
        <source>A new data directory is used from the next start of KMS Admin.</source>
        <translation>A new data directory is used from the next start of KMS Admin.</translation>
    </message>
    <message>
        <source>A new data directory is used from the next start of KMS Admin. Open now: %1</source>
        <translation>A new data directory is used from the next start of KMS Admin. Open now: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::CompareModel</name>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>only here</source>
        <translation>only here</translation>
    </message>
    <message>
        <source>=</source>
        <translation>=</translation>
    </message>
    <message>
        <source>▲ %1</source>
        <translation>▲ %1</translation>
    </message>
    <message>
        <source>▼ %1</source>
        <translation>▼ %1</translation>
    </message>
    <message>
        <source>Rank %1 here, rank %2 in the other list</source>
        <translation>Rank %1 here, rank %2 in the other list</translation>
    </message>
    <message>
        <source>Rank %1 here, not in the other list&apos;s top %2</source>
        <translation>Rank %1 here, not in the other list&apos;s top %2</translation>
    </message>
    <message>
        <source>The hit&apos;s rank in the other list</source>
        <translation>The hit&apos;s rank in the other list</translation>
    </message>
    <message>
        <source>Where the other list puts the hit: ▲ higher, ▼ lower, = the same</source>
        <translation>Where the other list puts the hit: ▲ higher, ▼ lower, = the same</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Other #</source>
        <translation>Other #</translation>
    </message>
    <message>
        <source>Δ</source>
        <translation>Δ</translation>
    </message>
</context>
<context>
    <name>kms::ui::CompareView</name>
    <message>
        <source>keyword</source>
        <translation>keyword</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>vector</translation>
    </message>
    <message>
        <source>hybrid RRF %1</source>
        <translation>hybrid RRF %1</translation>
    </message>
    <message>
        <source>hybrid weighted %1</source>
        <translation>hybrid weighted %1</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Search the query both ways and compare the ranks</source>
        <translation>Search the query both ways and compare the ranks</translation>
    </message>
    <message>
        <source>Type a query, choose two ways to search it, then Compare.</source>
        <translation>Type a query, choose two ways to search it, then Compare.</translation>
    </message>
    <message>
        <source>List A</source>
        <translation>List A</translation>
    </message>
    <message>
        <source>List B</source>
        <translation>List B</translation>
    </message>
    <message>
        <source>%1: search mode</source>
        <translation>%1: search mode</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Keyword</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>Vector</translation>
    </message>
    <message>
        <source>%1: fusion method</source>
        <translation>%1: fusion method</translation>
    </message>
    <message>
        <source>RRF</source>
        <translation>RRF</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Weighted</translation>
    </message>
    <message>
        <source>%1: keyword weight</source>
        <translation>%1: keyword weight</translation>
    </message>
    <message>
        <source>keyword weight</source>
        <translation>keyword weight</translation>
    </message>
    <message>
        <source>Type a query to compare.</source>
        <translation>Type a query to compare.</translation>
    </message>
    <message>
        <source>Comparing …</source>
        <translation>Comparing …</translation>
    </message>
    <message>
        <source>The comparison failed: %1</source>
        <translation>The comparison failed: %1</translation>
    </message>
    <message>
        <source>A: %1 in %2 · B: %3 in %4 · %5 of the top %6 in both</source>
        <translation>A: %1 in %2 · B: %3 in %4 · %5 of the top %6 in both</translation>
    </message>
</context>
<context>
    <name>kms::ui::DashboardPage</name>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Redis unreachable: jobs embed locally</source>
        <translation>Redis unreachable: jobs embed locally</translation>
    </message>
    <message>
        <source>%1: %2 batches, %3 rec/s, last seen %4</source>
        <translation>%1: %2 batches, %3 rec/s, last seen %4</translation>
    </message>
    <message>
        <source>no worker is running</source>
        <translation>no worker is running</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Normalise</source>
        <translation>Normalise</translation>
    </message>
    <message>
        <source>Embed</source>
        <translation>Embed</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Write</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Ingestion throughput (records/s)</source>
        <translation>Ingestion throughput (records/s)</translation>
    </message>
    <message>
        <source>Per second</source>
        <translation>Per second</translation>
    </message>
    <message>
        <source>10 s average</source>
        <translation>10 s average</translation>
    </message>
    <message>
        <source>Stage latency (ms), p50 solid, p95 dashed</source>
        <translation>Stage latency (ms), p50 solid, p95 dashed</translation>
    </message>
    <message>
        <source>max p95 %1</source>
        <translation>max p95 %1</translation>
    </message>
    <message>
        <source>no batches</source>
        <translation>no batches</translation>
    </message>
    <message>
        <source>Embedding cache hit rate (%)</source>
        <translation>Embedding cache hit rate (%)</translation>
    </message>
    <message>
        <source>Hit rate</source>
        <translation>Hit rate</translation>
    </message>
    <message>
        <source>Error rate, rejected records (%)</source>
        <translation>Error rate, rejected records (%)</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Queue depth and busy workers</source>
        <translation>Queue depth and busy workers</translation>
    </message>
    <message>
        <source>Queued batches</source>
        <translation>Queued batches</translation>
    </message>
    <message>
        <source>Busy workers</source>
        <translation>Busy workers</translation>
    </message>
    <message>
        <source>%1 queued, %2 busy</source>
        <translation>%1 queued, %2 busy</translation>
    </message>
    <message>
        <source>Process CPU (% of one core)</source>
        <translation>Process CPU (% of one core)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Time window:</source>
        <translation>Time window:</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>Show the last %1</translation>
    </message>
    <message>
        <source>Waiting for the data directory …</source>
        <translation>Waiting for the data directory …</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Knowledge articles</source>
        <translation>Knowledge articles</translation>
    </message>
    <message>
        <source>Vector index</source>
        <translation>Vector index</translation>
    </message>
    <message>
        <source>Last job</source>
        <translation>Last job</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>Memory (RSS)</source>
        <translation>Memory (RSS)</translation>
    </message>
    <message>
        <source>The data directory is not open.</source>
        <translation>The data directory is not open.</translation>
    </message>
    <message>
        <source>Loading history …</source>
        <translation>Loading history …</translation>
    </message>
    <message>
        <source>CPU %1 % of one core</source>
        <translation>CPU %1 % of one core</translation>
    </message>
    <message>
        <source>%1 records in all</source>
        <translation>%1 records in all</translation>
    </message>
    <message>
        <source>%1 stored embeddings</source>
        <translation>%1 stored embeddings</translation>
    </message>
    <message>
        <source>vectors; index file %1</source>
        <translation>vectors; index file %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>No ingestion job has run yet</source>
        <translation>No ingestion job has run yet</translation>
    </message>
    <message>
        <source>#%1 at %2: %3 records, %4</source>
        <translation>#%1 at %2: %3 records, %4</translation>
    </message>
    <message>
        <source>#%1 since %2: %3 records, %4</source>
        <translation>#%1 since %2: %3 records, %4</translation>
    </message>
    <message>
        <source>Job #%1 started</source>
        <translation>Job #%1 started</translation>
    </message>
    <message>
        <source>Job #%1 ended (%2): %3</source>
        <translation>Job #%1 ended (%2): %3</translation>
    </message>
    <message>
        <source>Embedder</source>
        <translation>Embedder</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Built in</translation>
    </message>
    <message>
        <source>LSA</source>
        <translation>LSA</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>Local model</translation>
    </message>
    <message>
        <source>%1 waiting for a vector</source>
        <translation>%1 waiting for a vector</translation>
    </message>
    <message>
        <source>no backlog</source>
        <translation>no backlog</translation>
    </message>
    <message>
        <source>%1 requests, %2 retries</source>
        <translation>%1 requests, %2 retries</translation>
    </message>
    <message>
        <source>%1 · %2 d</source>
        <translation>%1 · %2 d</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Loading …</translation>
    </message>
    <message>
        <source>%1 vectors in the index file (%2), %3 s so far</source>
        <translation>%1 vectors in the index file (%2), %3 s so far</translation>
    </message>
</context>
<context>
    <name>kms::ui::DataPage</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Cancel export</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Create a record in this collection (Ctrl+N)</source>
        <translation>Create a record in this collection (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit the selected record (Enter)</source>
        <translation>Edit the selected record (Enter)</translation>
    </message>
    <message>
        <source>Delete the selected record (Delete)</source>
        <translation>Delete the selected record (Delete)</translation>
    </message>
    <message>
        <source>Write every record of this view, in its order, to a CSV or JSONL file</source>
        <translation>Write every record of this view, in its order, to a CSV or JSONL file</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <source>Reading records failed: %1</source>
        <translation>Reading records failed: %1</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>Export records</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;JSON Lines files (*.jsonl)</source>
        <translation>CSV files (*.csv);;JSON Lines files (*.jsonl)</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>%1 articles</source>
        <translation>%1 articles</translation>
    </message>
    <message>
        <source>· first page %1</source>
        <translation>· first page %1</translation>
    </message>
    <message>
        <source>· last page %1</source>
        <translation>· last page %1</translation>
    </message>
    <message>
        <source>The record could not be read: %1</source>
        <translation>The record could not be read: %1</translation>
    </message>
    <message>
        <source>Saving failed: %1</source>
        <translation>Saving failed: %1</translation>
    </message>
    <message>
        <source>Created %1 “%2”.</source>
        <translation>Created %1 “%2”.</translation>
    </message>
    <message>
        <source>Saved %1 “%2”; it is searchable now.</source>
        <translation>Saved %1 “%2”; it is searchable now.</translation>
    </message>
    <message>
        <source>No changes to %1.</source>
        <translation>No changes to %1.</translation>
    </message>
    <message>
        <source>Delete case %1 “%2”?

It is removed from the store and from keyword and vector search. This cannot be undone.</source>
        <translation>Delete case %1 “%2”?

It is removed from the store and from keyword and vector search. This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete article %1 “%2”?

It is removed from the store and from keyword and vector search. This cannot be undone.</source>
        <translation>Delete article %1 “%2”?

It is removed from the store and from keyword and vector search. This cannot be undone.</translation>
    </message>
    <message>
        <source>Deleting %1 failed: %2</source>
        <translation>Deleting %1 failed: %2</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>Deleted %1.</translation>
    </message>
    <message>
        <source>Exporting to %1 …</source>
        <translation>Exporting to %1 …</translation>
    </message>
    <message>
        <source>Exported %1 records to %2.</source>
        <translation>Exported %1 records to %2.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::DialogHooks</name>
    <message>
        <source>Choose files to ingest</source>
        <translation>Choose files to ingest</translation>
    </message>
    <message>
        <source>Support exports (*.csv *.tsv *.json *.jsonl *.ndjson *.csv.gz *.tsv.gz *.json.gz *.jsonl.gz *.ndjson.gz);;All files (*)</source>
        <translation>Support exports (*.csv *.tsv *.json *.jsonl *.ndjson *.csv.gz *.tsv.gz *.json.gz *.jsonl.gz *.ndjson.gz);;All files (*)</translation>
    </message>
    <message>
        <source>Export rejected records</source>
        <translation>Export rejected records</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>kms::ui::EmbedderForm</name>
    <message>
        <source>Built in: hashed words (no setup)</source>
        <translation>Built in: hashed words (no setup)</translation>
    </message>
    <message>
        <source>Learned from your records (LSA)</source>
        <translation>Learned from your records (LSA)</translation>
    </message>
    <message>
        <source>Embedding server (OpenAI-compatible API)</source>
        <translation>Embedding server (OpenAI-compatible API)</translation>
    </message>
    <message>
        <source>Local model folder (sentence-transformers)</source>
        <translation>Local model folder (sentence-transformers)</translation>
    </message>
    <message>
        <source>Sentence-transformers model folder</source>
        <translation>Sentence-transformers model folder</translation>
    </message>
    <message>
        <source>Embedder in use</source>
        <translation>Embedder in use</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Embedding provider</source>
        <translation>Embedding provider</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Test the embedder in the form on sample sentences</source>
        <translation>Test the embedder in the form on sample sentences</translation>
    </message>
    <message>
        <source>Embeds two sentences that mean the same and two unrelated ones with the settings in the form. Nothing in use changes.</source>
        <translation>Embeds two sentences that mean the same and two unrelated ones with the settings in the form. Nothing in use changes.</translation>
    </message>
    <message>
        <source>Re-embed now</source>
        <translation>Re-embed now</translation>
    </message>
    <message>
        <source>Re-embed every record with the embedder in use</source>
        <translation>Re-embed every record with the embedder in use</translation>
    </message>
    <message>
        <source>For a server or model folder whose model changed behind the same settings.</source>
        <translation>For a server or model folder whose model changed behind the same settings.</translation>
    </message>
    <message>
        <source>Hashes words, word pairs and character n-grams: fast and offline, but it knows no synonyms. Keyword search does most of the work.</source>
        <translation>Hashes words, word pairs and character n-grams: fast and offline, but it knows no synonyms. Keyword search does most of the work.</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Learns which words go together from the stored records themselves: no download, no server. Train again when the store has grown or changed a lot.</source>
        <translation>Learns which words go together from the stored records themselves: no download, no server. Train again when the store has grown or changed a lot.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Dimensions to learn</source>
        <translation>Dimensions to learn</translation>
    </message>
    <message>
        <source>The rank of the model: 256 is a good start; more learns finer topics, more slowly.</source>
        <translation>The rank of the model: 256 is a good start; more learns finer topics, more slowly.</translation>
    </message>
    <message>
        <source>Train on the stored records</source>
        <translation>Train on the stored records</translation>
    </message>
    <message>
        <source>Train an LSA model on the stored records and switch to it</source>
        <translation>Train an LSA model on the stored records and switch to it</translation>
    </message>
    <message>
        <source>OpenAI, an Azure-style gateway, Ollama, llama.cpp server, vLLM or Text Embeddings Inference. The API key is read from an environment variable or a file only you can read; it is never stored.</source>
        <translation>OpenAI, an Azure-style gateway, Ollama, llama.cpp server, vLLM or Text Embeddings Inference. The API key is read from an environment variable or a file only you can read; it is never stored.</translation>
    </message>
    <message>
        <source>Wire format</source>
        <translation>Wire format</translation>
    </message>
    <message>
        <source>OpenAI /embeddings</source>
        <translation>OpenAI /embeddings</translation>
    </message>
    <message>
        <source>Ollama /api/embed</source>
        <translation>Ollama /api/embed</translation>
    </message>
    <message>
        <source>TEI /embed</source>
        <translation>TEI /embed</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Base URL</translation>
    </message>
    <message>
        <source>Up to and including /v1 for the OpenAI format, e.g. http://127.0.0.1:11434/v1</source>
        <translation>Up to and including /v1 for the OpenAI format, e.g. http://127.0.0.1:11434/v1</translation>
    </message>
    <message>
        <source>The server&apos;s name for the embedding model.</source>
        <translation>The server&apos;s name for the embedding model.</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <source>The length of the model&apos;s vectors (the Test button shows what the server returns).</source>
        <translation>The length of the model&apos;s vectors (the Test button shows what the server returns).</translation>
    </message>
    <message>
        <source>Ask the server for this length</source>
        <translation>Ask the server for this length</translation>
    </message>
    <message>
        <source>Models that can shorten their vectors on request (text-embedding-3).</source>
        <translation>Models that can shorten their vectors on request (text-embedding-3).</translation>
    </message>
    <message>
        <source>Query prefix</source>
        <translation>Query prefix</translation>
    </message>
    <message>
        <source>Put before every search text, e.g. &quot;query: &quot; for E5 models.</source>
        <translation>Put before every search text, e.g. &quot;query: &quot; for E5 models.</translation>
    </message>
    <message>
        <source>Document prefix</source>
        <translation>Document prefix</translation>
    </message>
    <message>
        <source>Put before every record&apos;s text, e.g. &quot;passage: &quot; for E5 models.</source>
        <translation>Put before every record&apos;s text, e.g. &quot;passage: &quot; for E5 models.</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>API key variable</translation>
    </message>
    <message>
        <source>The name of an environment variable that holds the key, e.g. OPENAI_API_KEY.</source>
        <translation>The name of an environment variable that holds the key, e.g. OPENAI_API_KEY.</translation>
    </message>
    <message>
        <source>API key file</source>
        <translation>API key file</translation>
    </message>
    <message>
        <source>Or a file holding the key, readable only by you (mode 0600).</source>
        <translation>Or a file holding the key, readable only by you (mode 0600).</translation>
    </message>
    <message>
        <source>Texts per request</source>
        <translation>Texts per request</translation>
    </message>
    <message>
        <source>How many texts one request carries at most.</source>
        <translation>How many texts one request carries at most.</translation>
    </message>
    <message>
        <source>Tokens per request</source>
        <translation>Tokens per request</translation>
    </message>
    <message>
        <source>Estimated tokens one request carries at most (characters / 4).</source>
        <translation>Estimated tokens one request carries at most (characters / 4).</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>Requests at once</translation>
    </message>
    <message>
        <source>Requests on the wire at the same time; the server&apos;s rate limit decides.</source>
        <translation>Requests on the wire at the same time; the server&apos;s rate limit decides.</translation>
    </message>
    <message>
        <source>Price per million tokens</source>
        <translation>Price per million tokens</translation>
    </message>
    <message>
        <source>For the cost estimate before a re-embed and the running cost; 0 for a free server.</source>
        <translation>For the cost estimate before a re-embed and the running cost; 0 for a free server.</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>Price per 1M tokens</source>
        <translation>Price per 1M tokens</translation>
    </message>
    <message>
        <source>A downloaded sentence-transformers folder (config.json, vocab.txt, model.safetensors), e.g. all-MiniLM-L6-v2 or bge-small-en-v1.5, run on this machine&apos;s processor.</source>
        <translation>A downloaded sentence-transformers folder (config.json, vocab.txt, model.safetensors), e.g. all-MiniLM-L6-v2 or bge-small-en-v1.5, run on this machine&apos;s processor.</translation>
    </message>
    <message>
        <source>Model folder</source>
        <translation>Model folder</translation>
    </message>
    <message>
        <source>An absolute path, or a folder name inside the data directory&apos;s models folder.</source>
        <translation>An absolute path, or a folder name inside the data directory&apos;s models folder.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choose the model folder</source>
        <translation>Choose the model folder</translation>
    </message>
    <message>
        <source>E5: &quot;query: &quot;; BGE: its instruction for retrieval queries.</source>
        <translation>E5: &quot;query: &quot;; BGE: its instruction for retrieval queries.</translation>
    </message>
    <message>
        <source>E5: &quot;passage: &quot;.</source>
        <translation>E5: &quot;passage: &quot;.</translation>
    </message>
    <message>
        <source>Fixed for the built-in embedder.</source>
        <translation>Fixed for the built-in embedder.</translation>
    </message>
    <message>
        <source>none trained yet</source>
        <translation>none trained yet</translation>
    </message>
    <message>
        <source>%1 (%2 dimensions, %3 words, trained on %4 records)</source>
        <translation>%1 (%2 dimensions, %3 words, trained on %4 records)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) wait for a vector</source>
        <translation>
            <numerusform>%n record waits for a vector</numerusform>
            <numerusform>%n records wait for a vector</numerusform>
        </translation>
    </message>
    <message>
        <source>every record has its vector</source>
        <translation>every record has its vector</translation>
    </message>
    <message>
        <source>%1 requests, %2 retries, %3 texts, %4 tokens</source>
        <translation>%1 requests, %2 retries, %3 texts, %4 tokens</translation>
    </message>
    <message>
        <source>%1 texts failed</source>
        <translation>%1 texts failed</translation>
    </message>
    <message>
        <source>cost so far ≈ %1</source>
        <translation>cost so far ≈ %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>Testing %1 …</source>
        <translation>Testing %1 …</translation>
    </message>
    <message>
        <source>Does not work: %1</source>
        <translation>Does not work: %1</translation>
    </message>
    <message>
        <source>Works: %1 dimensions in %2. Two sentences that mean the same: %3; two unrelated: %4.</source>
        <translation>Works: %1 dimensions in %2. Two sentences that mean the same: %3; two unrelated: %4.</translation>
    </message>
    <message>
        <source>It barely tells them apart, so search by meaning will add little.</source>
        <translation>It barely tells them apart, so search by meaning will add little.</translation>
    </message>
</context>
<context>
    <name>kms::ui::EngineKeyText</name>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Links per node (M)</source>
        <translation>Links per node (M)</translation>
    </message>
    <message>
        <source>Build breadth (efConstruction)</source>
        <translation>Build breadth (efConstruction)</translation>
    </message>
    <message>
        <source>Search breadth (efSearch)</source>
        <translation>Search breadth (efSearch)</translation>
    </message>
    <message>
        <source>Workers for automatic jobs</source>
        <translation>Workers for automatic jobs</translation>
    </message>
    <message>
        <source>Batch size for automatic jobs</source>
        <translation>Batch size for automatic jobs</translation>
    </message>
    <message>
        <source>Embedding cache</source>
        <translation>Embedding cache</translation>
    </message>
    <message>
        <source>Index save interval</source>
        <translation>Index save interval</translation>
    </message>
    <message>
        <source>Metrics history</source>
        <translation>Metrics history</translation>
    </message>
    <message>
        <source>Length of the embedding vectors. Changing it re-embeds every record and rebuilds the vector index.</source>
        <translation>Length of the embedding vectors. Changing it re-embeds every record and rebuilds the vector index.</translation>
    </message>
    <message>
        <source>Neighbours each node keeps in the HNSW graph. More improves recall and costs memory. Changing it rebuilds the vector index.</source>
        <translation>Neighbours each node keeps in the HNSW graph. More improves recall and costs memory. Changing it rebuilds the vector index.</translation>
    </message>
    <message>
        <source>Candidates examined while a vector is inserted. More builds a better graph, more slowly. Changing it rebuilds the vector index.</source>
        <translation>Candidates examined while a vector is inserted. More builds a better graph, more slowly. Changing it rebuilds the vector index.</translation>
    </message>
    <message>
        <source>Candidates examined per vector query. More finds more true neighbours and takes longer. Applies at once.</source>
        <translation>Candidates examined per vector query. More finds more true neighbours and takes longer. Applies at once.</translation>
    </message>
    <message>
        <source>Threads of an ingestion job that leaves the number of workers on automatic. Automatic: one per processor core. Applies to the next job.</source>
        <translation>Threads of an ingestion job that leaves the number of workers on automatic. Automatic: one per processor core. Applies to the next job.</translation>
    </message>
    <message>
        <source>Records per committed batch for a job that leaves it on automatic. Automatic: the ingestion mode chooses. Applies to the next job.</source>
        <translation>Records per committed batch for a job that leaves it on automatic. Automatic: the ingestion mode chooses. Applies to the next job.</translation>
    </message>
    <message>
        <source>Embeddings kept in memory, so repeated texts are not embedded again. Applies at once.</source>
        <translation>Embeddings kept in memory, so repeated texts are not embedded again. Applies at once.</translation>
    </message>
    <message>
        <source>How often a long ingestion job saves the vector index. Applies to the next job.</source>
        <translation>How often a long ingestion job saves the vector index. Applies to the next job.</translation>
    </message>
    <message>
        <source>How long the dashboard&apos;s metrics history is kept.</source>
        <translation>How long the dashboard&apos;s metrics history is kept.</translation>
    </message>
    <message>
        <source>Automatic (one per core)</source>
        <translation>Automatic (one per core)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source> entries</source>
        <translation> entries</translation>
    </message>
    <message>
        <source>%1 (%2) must be 0 (automatic) or between 50 and %3; %4 is not allowed.</source>
        <translation>%1 (%2) must be 0 (automatic) or between 50 and %3; %4 is not allowed.</translation>
    </message>
    <message>
        <source>%1 (%2) must be between %3 and %4; %5 is not allowed.</source>
        <translation>%1 (%2) must be between %3 and %4; %5 is not allowed.</translation>
    </message>
    <message>
        <source>Word pairs</source>
        <translation>Word pairs</translation>
    </message>
    <message>
        <source>Character n-grams</source>
        <translation>Character n-grams</translation>
    </message>
    <message>
        <source>Word weight</source>
        <translation>Word weight</translation>
    </message>
    <message>
        <source>Word pair weight</source>
        <translation>Word pair weight</translation>
    </message>
    <message>
        <source>Character n-gram weight</source>
        <translation>Character n-gram weight</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
</context>
<context>
    <name>kms::ui::EngineSettingsPanel</name>
    <message>
        <source>The engine&apos;s settings appear once the data directory is open.</source>
        <translation>The engine&apos;s settings appear once the data directory is open.</translation>
    </message>
    <message>
        <source>Embedder</source>
        <translation>Embedder</translation>
    </message>
    <message>
        <source>Vector index (HNSW)</source>
        <translation>Vector index (HNSW)</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Revert the engine settings to the values in use</source>
        <translation>Revert the engine settings to the values in use</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Apply the engine settings</source>
        <translation>Apply the engine settings</translation>
    </message>
    <message>
        <source>Progress of the engine change</source>
        <translation>Progress of the engine change</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel the engine change</source>
        <translation>Cancel the engine change</translation>
    </message>
    <message>
        <source>Cancelling …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <source>Nothing to apply: the engine already uses these values.</source>
        <translation>Nothing to apply: the engine already uses these values.</translation>
    </message>
    <message>
        <source>Rebuild the vector index?</source>
        <translation>Rebuild the vector index?</translation>
    </message>
    <message>
        <source>HNSW M and efConstruction are built into the vector index, so it is rebuilt from the stored vectors of %1 records.

Searches keep using the current index until the new one replaces it. Queued ingestion jobs wait. You can cancel at any time.</source>
        <translation>HNSW M and efConstruction are built into the vector index, so it is rebuilt from the stored vectors of %1 records.

Searches keep using the current index until the new one replaces it. Queued ingestion jobs wait. You can cancel at any time.</translation>
    </message>
    <message>
        <source>Not applied.</source>
        <translation>Not applied.</translation>
    </message>
    <message>
        <source>Re-embed all records?</source>
        <translation>Re-embed all records?</translation>
    </message>
    <message>
        <source>Another change is being applied; try again when it has finished.</source>
        <translation>Another change is being applied; try again when it has finished.</translation>
    </message>
    <message>
        <source>Rebuilding the vector index …</source>
        <translation>Rebuilding the vector index …</translation>
    </message>
    <message>
        <source>Re-embedding all records …</source>
        <translation>Re-embedding all records …</translation>
    </message>
    <message>
        <source>Applying …</source>
        <translation>Applying …</translation>
    </message>
    <message>
        <source>Re-embedding: %1 of %2 records</source>
        <translation>Re-embedding: %1 of %2 records</translation>
    </message>
    <message>
        <source>Rebuilding the vector index: %1 of %2 vectors</source>
        <translation>Rebuilding the vector index: %1 of %2 vectors</translation>
    </message>
    <message>
        <source>All records were re-embedded; the new vectors and index are in use.</source>
        <translation>All records were re-embedded; the new vectors and index are in use.</translation>
    </message>
    <message>
        <source>The vector index was rebuilt with the new parameters.</source>
        <translation>The vector index was rebuilt with the new parameters.</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Applied.</translation>
    </message>
    <message>
        <source>Cancelled. The engine keeps its vectors and index; values that apply at once were applied.</source>
        <translation>Cancelled. The engine keeps its vectors and index; values that apply at once were applied.</translation>
    </message>
    <message>
        <source>An ingestion job is running. Apply this change when it has finished.</source>
        <translation>An ingestion job is running. Apply this change when it has finished.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Not applied: %1</translation>
    </message>
    <message>
        <source>the engine reported an error</source>
        <translation>the engine reported an error</translation>
    </message>
    <message>
        <source>%1 records. efSearch, the cache and the job values apply at once; HNSW and embedder changes are rebuilt in the background once you confirm.</source>
        <translation>%1 records. efSearch, the cache and the job values apply at once; HNSW and embedder changes are rebuilt in the background once you confirm.</translation>
    </message>
    <message>
        <source>A new embedder or new embedder parameters change every vector: all %1 records are embedded again and the vector index is rebuilt.</source>
        <translation>A new embedder or new embedder parameters change every vector: all %1 records are embedded again and the vector index is rebuilt.</translation>
    </message>
    <message>
        <source>Counting what a re-embed takes …</source>
        <translation>Counting what a re-embed takes …</translation>
    </message>
    <message>
        <source>The server is sent about %1 tokens (%2 characters of %3 records).</source>
        <translation>The server is sent about %1 tokens (%2 characters of %3 records).</translation>
    </message>
    <message>
        <source>At %1 per 1M tokens that costs about %2.</source>
        <translation>At %1 per 1M tokens that costs about %2.</translation>
    </message>
    <message>
        <source>No price is set, so no cost is estimated.</source>
        <translation>No price is set, so no cost is estimated.</translation>
    </message>
    <message>
        <source>The current vectors stay in use until the new set is complete, and cancelling keeps them. Queued ingestion jobs wait.</source>
        <translation>The current vectors stay in use until the new set is complete, and cancelling keeps them. Queued ingestion jobs wait.</translation>
    </message>
    <message>
        <source>Train an LSA model?</source>
        <translation>Train an LSA model?</translation>
    </message>
    <message>
        <source>An LSA model of %1 dimensions is learned from the %2 stored records, then every record is embedded with it and the vector index is rebuilt.</source>
        <translation>An LSA model of %1 dimensions is learned from the %2 stored records, then every record is embedded with it and the vector index is rebuilt.</translation>
    </message>
    <message>
        <source>All %1 records are embedded again with the embedder in use (for a server or model whose model changed behind the same settings), and the vector index is rebuilt.</source>
        <translation>All %1 records are embedded again with the embedder in use (for a server or model whose model changed behind the same settings), and the vector index is rebuilt.</translation>
    </message>
    <message>
        <source>Training an LSA model …</source>
        <translation>Training an LSA model …</translation>
    </message>
    <message>
        <source>Training LSA, %1: %2 of %3</source>
        <translation>Training LSA, %1: %2 of %3</translation>
    </message>
    <message>
        <source>The LSA model was trained; every record was re-embedded with it and it is in use.</source>
        <translation>The LSA model was trained; every record was re-embedded with it and it is in use.</translation>
    </message>
    <message>
        <source>Embedding workers</source>
        <translation>Embedding workers</translation>
    </message>
</context>
<context>
    <name>kms::ui::FilterBar</name>
    <message>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>Priority filter</translation>
    </message>
    <message>
        <source>Product filter</source>
        <translation>Product filter</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Category filter</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>C&amp;lear filters</translation>
    </message>
    <message>
        <source>Text filter</source>
        <translation>Text filter</translation>
    </message>
    <message>
        <source>Filter by words, &quot;phrases&quot;, prefix*, -excluded …</source>
        <translation>Filter by words, &quot;phrases&quot;, prefix*, -excluded …</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Tag filter</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Any priority</translation>
    </message>
    <message>
        <source>Any product</source>
        <translation>Any product</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Any category</translation>
    </message>
</context>
<context>
    <name>kms::ui::HealthCard</name>
    <message>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::HealthPage</name>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Reads the health again, with SQLite&apos;s quick check and the index file&apos;s checksums</source>
        <translation>Reads the health again, with SQLite&apos;s quick check and the index file&apos;s checksums</translation>
    </message>
    <message>
        <source>Closing …</source>
        <translation>Closing …</translation>
    </message>
    <message>
        <source>Waiting for the data directory to open …</source>
        <translation>Waiting for the data directory to open …</translation>
    </message>
    <message>
        <source>The data directory could not be opened: %1</source>
        <translation>The data directory could not be opened: %1</translation>
    </message>
    <message>
        <source>All components are healthy.</source>
        <translation>All components are healthy.</translation>
    </message>
    <message>
        <source>Needs attention: %1.</source>
        <translation>Needs attention: %1.</translation>
    </message>
    <message>
        <source>A job is running: counts change as its batches commit.</source>
        <translation>A job is running: counts change as its batches commit.</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::HitDetailView</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>More like this</translation>
    </message>
    <message>
        <source>Record details and score explanation</source>
        <translation>Record details and score explanation</translation>
    </message>
    <message>
        <source>More like this record</source>
        <translation>More like this record</translation>
    </message>
    <message>
        <source>Search for the records nearest to this one</source>
        <translation>Search for the records nearest to this one</translation>
    </message>
    <message>
        <source>the engine could not read it; the log has the details</source>
        <translation>the engine could not read it; the log has the details</translation>
    </message>
    <message>
        <source>Select a hit to see its record and why it ranks where it does.</source>
        <translation>Select a hit to see its record and why it ranks where it does.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::HitTable</name>
    <message>
        <source>More like this</source>
        <translation>More like this</translation>
    </message>
    <message>
        <source>Search for the records nearest to this one</source>
        <translation>Search for the records nearest to this one</translation>
    </message>
</context>
<context>
    <name>kms::ui::IngestionPage</name>
    <message>
        <source>Job history</source>
        <translation>Job history</translation>
    </message>
    <message>
        <source>Rejects</source>
        <translation>Rejects</translation>
    </message>
    <message>
        <source>Scheduled sync</source>
        <translation>Scheduled sync</translation>
    </message>
    <message>
        <source>Rejects (%1)</source>
        <translation>Rejects (%1)</translation>
    </message>
    <message>
        <source>choose at least one file (Add files… or drop files on the window)</source>
        <translation>choose at least one file (Add files… or drop files on the window)</translation>
    </message>
    <message>
        <source>the files are still being read; try again in a moment</source>
        <translation>the files are still being read; try again in a moment</translation>
    </message>
</context>
<context>
    <name>kms::ui::JobHistoryModel</name>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
</context>
<context>
    <name>kms::ui::JobNotifier</name>
    <message>
        <source>Job #%1 completed</source>
        <translation>Job #%1 completed</translation>
    </message>
    <message>
        <source>Job #%1 failed</source>
        <translation>Job #%1 failed</translation>
    </message>
    <message>
        <source>Job #%1 cancelled</source>
        <translation>Job #%1 cancelled</translation>
    </message>
    <message>
        <source>Job #%1 ended (%2)</source>
        <translation>Job #%1 ended (%2)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1, in %2 at %3</source>
        <translation>%1, in %2 at %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::JobOptionsPanel</name>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Knowledge</translation>
    </message>
    <message>
        <source>Auto: a per-record type column decides, else the file&apos;s columns</source>
        <translation>Auto: a per-record type column decides, else the file&apos;s columns</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Async (small loads)</source>
        <translation>Async (small loads)</translation>
    </message>
    <message>
        <source>Hybrid (large loads)</source>
        <translation>Hybrid (large loads)</translation>
    </message>
    <message>
        <source>Distributed (workers via Redis)</source>
        <translation>Distributed (workers via Redis)</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Worker threads; Auto uses one per core</source>
        <translation>Worker threads; Auto uses one per core</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source>Records per transaction, %1 to %2</source>
        <translation>Records per transaction, %1 to %2</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Queued jobs run high first; a high-priority load overtakes a waiting sync</source>
        <translation>Queued jobs run high first; a high-priority load overtakes a waiting sync</translation>
    </message>
    <message>
        <source>&amp;Collection</source>
        <translation>&amp;Collection</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>&amp;Batch size</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation>Auto (%1)</translation>
    </message>
    <message>
        <source>Automatic choice: shown once the files are read</source>
        <translation>Automatic choice: shown once the files are read</translation>
    </message>
    <message>
        <source>~%1 records → %2, %3 workers, batch %4</source>
        <translation>~%1 records → %2, %3 workers, batch %4</translation>
    </message>
    <message>
        <source>Automatic choice: %1</source>
        <translation>Automatic choice: %1</translation>
    </message>
    <message>
        <source>This job: %1</source>
        <translation>This job: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::JobRunPanel</name>
    <message>
        <source>Dry run</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Count new, changed, unchanged and invalid records without writing anything</source>
        <translation>Count new, changed, unchanged and invalid records without writing anything</translation>
    </message>
    <message>
        <source>Stop after the current batch; committed batches stay</source>
        <translation>Stop after the current batch; committed batches stay</translation>
    </message>
    <message>
        <source>Job progress</source>
        <translation>Job progress</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Cannot start: %1</translation>
    </message>
    <message>
        <source>Cannot queue the job: %1</source>
        <translation>Cannot queue the job: %1</translation>
    </message>
    <message>
        <source>Job %1 queued</source>
        <translation>Job %1 queued</translation>
    </message>
    <message>
        <source>Job %1 is not running, so it cannot be paused (a queued job can be cancelled)</source>
        <translation>Job %1 is not running, so it cannot be paused (a queued job can be cancelled)</translation>
    </message>
    <message>
        <source>Job %1 paused: it holds after the current batch</source>
        <translation>Job %1 paused: it holds after the current batch</translation>
    </message>
    <message>
        <source>Job %1 resumed</source>
        <translation>Job %1 resumed</translation>
    </message>
    <message>
        <source>Job %1 cancelled before it started</source>
        <translation>Job %1 cancelled before it started</translation>
    </message>
    <message>
        <source>Job %1: cancelling after the current batch …</source>
        <translation>Job %1: cancelling after the current batch …</translation>
    </message>
    <message>
        <source>%1 records (%2 new, %3 updated, %4 unchanged, %5 rejected)</source>
        <translation>%1 records (%2 new, %3 updated, %4 unchanged, %5 rejected)</translation>
    </message>
    <message>
        <source>Job %1 paused — %2</source>
        <translation>Job %1 paused — %2</translation>
    </message>
    <message>
        <source>Job %1 running — %2 · %3 · ETA %4</source>
        <translation>Job %1 running — %2 · %3 · ETA %4</translation>
    </message>
    <message>
        <source>Job %1 completed in %2: %3 new, %4 updated, %5 unchanged, %6 rejected (%7)</source>
        <translation>Job %1 completed in %2: %3 new, %4 updated, %5 unchanged, %6 rejected (%7)</translation>
    </message>
    <message>
        <source>Job %1 cancelled: %2 records stored in whole batches, nothing half-written</source>
        <translation>Job %1 cancelled: %2 records stored in whole batches, nothing half-written</translation>
    </message>
    <message>
        <source>Job %1 %2: %3</source>
        <translation>Job %1 %2: %3</translation>
    </message>
    <message>
        <source>Dry run: %1 records classified (%2)…</source>
        <translation>Dry run: %1 records classified (%2)…</translation>
    </message>
    <message>
        <source>Dry run: cancelling …</source>
        <translation>Dry run: cancelling …</translation>
    </message>
    <message>
        <source>Cannot run a dry run: %1</source>
        <translation>Cannot run a dry run: %1</translation>
    </message>
    <message>
        <source>Cancel dry run</source>
        <translation>Cancel dry run</translation>
    </message>
    <message>
        <source>Dry run: reading …</source>
        <translation>Dry run: reading …</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 invalid</source>
        <translation>%1 new, %2 changed, %3 unchanged, %4 invalid</translation>
    </message>
    <message>
        <source>Dry run failed: %1</source>
        <translation>Dry run failed: %1</translation>
    </message>
    <message>
        <source>see the log</source>
        <translation>see the log</translation>
    </message>
    <message>
        <source>Dry run cancelled after %1 records: %2</source>
        <translation>Dry run cancelled after %1 records: %2</translation>
    </message>
    <message>
        <source>Dry run: %1 — nothing written</source>
        <translation>Dry run: %1 — nothing written</translation>
    </message>
</context>
<context>
    <name>kms::ui::LogModel</name>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Logger</source>
        <translation>Logger</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>kms::ui::LogPage</name>
    <message>
        <source>Follow new lines</source>
        <translation>Follow new lines</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Open log file</source>
        <translation>Open log file</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <source>Lowest level shown</source>
        <translation>Lowest level shown</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 and above</translation>
    </message>
    <message>
        <source>Filter lines</source>
        <translation>Filter lines</translation>
    </message>
    <message>
        <source>Filter: text in the message or the logger name</source>
        <translation>Filter: text in the message or the logger name</translation>
    </message>
    <message>
        <source>Empties this view; the log file keeps every line</source>
        <translation>Empties this view; the log file keeps every line</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Log lines</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Log file:</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Show the lines logged while paused, and new ones</source>
        <translation>Show the lines logged while paused, and new ones</translation>
    </message>
    <message>
        <source>Stop adding new lines to the view</source>
        <translation>Stop adding new lines to the view</translation>
    </message>
    <message>
        <source>%1 of %2 lines shown</source>
        <translation>%1 of %2 lines shown</translation>
    </message>
    <message>
        <source>%1 lines skipped (too many at once); the log file has them</source>
        <translation>%1 lines skipped (too many at once); the log file has them</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>Loggers record %1 and above; finer levels are not written.</source>
        <translation>Loggers record %1 and above; finer levels are not written.</translation>
    </message>
    <message>
        <source>none: this session logs to the console only</source>
        <translation>none: this session logs to the console only</translation>
    </message>
    <message>
        <source>Could not open %1: no application for it, or the file is gone.</source>
        <translation>Could not open %1: no application for it, or the file is gone.</translation>
    </message>
</context>
<context>
    <name>kms::ui::MainWindow</name>
    <message>
        <source>KMS Admin</source>
        <translation>KMS Admin</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>Opening %1 …</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>Could not open the data directory</source>
        <translation>Could not open the data directory</translation>
    </message>
    <message>
        <source>Closing …</source>
        <translation>Closing …</translation>
    </message>
    <message>
        <source>The data directory %1 could not be opened:

%2</source>
        <translation>The data directory %1 could not be opened:

%2</translation>
    </message>
    <message>
        <source>Quit KMS Admin</source>
        <translation>Quit KMS Admin</translation>
    </message>
    <message>
        <source>An ingestion job is running. Quit anyway?

The job stops after its current batch; every committed record stays, and running the same files again finishes the load.</source>
        <translation>An ingestion job is running. Quit anyway?

The job stops after its current batch; every committed record stays, and running the same files again finishes the load.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>A change of the engine settings is being applied. Quit anyway?

It is cancelled; the engine keeps its current vectors and index, and you can apply the change again later.</source>
        <translation>A change of the engine settings is being applied. Quit anyway?

It is cancelled; the engine keeps its current vectors and index, and you can apply the change again later.</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Ingestion</source>
        <translation>Ingestion</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>A background task failed: %1 (details in the log)</source>
        <translation>A background task failed: %1 (details in the log)</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
</context>
<context>
    <name>kms::ui::MaintenancePanel</name>
    <message>
        <source>Database pages</source>
        <translation>Database pages</translation>
    </message>
    <message>
        <source>Full-text index</source>
        <translation>Full-text index</translation>
    </message>
    <message>
        <source>Vector index against the stored vectors</source>
        <translation>Vector index against the stored vectors</translation>
    </message>
    <message>
        <source>Vector index file</source>
        <translation>Vector index file</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Check integrity</source>
        <translation>Check integrity</translation>
    </message>
    <message>
        <source>Rebuild vector index</source>
        <translation>Rebuild vector index</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Reads every database page, the full-text index, every stored vector and the index file, and reports what does not match. Nothing is changed.</source>
        <translation>Reads every database page, the full-text index, every stored vector and the index file, and reports what does not match. Nothing is changed.</translation>
    </message>
    <message>
        <source>Builds a new vector index from the vectors in the database and replaces the current one when it is complete. Searches keep using the current index meanwhile.</source>
        <translation>Builds a new vector index from the vectors in the database and replaces the current one when it is complete. Searches keep using the current index meanwhile.</translation>
    </message>
    <message>
        <source>Maintenance progress</source>
        <translation>Maintenance progress</translation>
    </message>
    <message>
        <source>No check has run in this session.</source>
        <translation>No check has run in this session.</translation>
    </message>
    <message>
        <source>Ingestion jobs wait while either runs; searches go on.</source>
        <translation>Ingestion jobs wait while either runs; searches go on.</translation>
    </message>
    <message>
        <source>Available when the running ingestion job has finished.</source>
        <translation>Available when the running ingestion job has finished.</translation>
    </message>
    <message>
        <source>Starting the integrity check …</source>
        <translation>Starting the integrity check …</translation>
    </message>
    <message>
        <source>Starting the rebuild …</source>
        <translation>Starting the rebuild …</translation>
    </message>
    <message>
        <source>Cancelling …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <source>Rebuilding: %1 of %2 vectors</source>
        <translation>Rebuilding: %1 of %2 vectors</translation>
    </message>
    <message>
        <source>Rebuilding: reading the stored vectors …</source>
        <translation>Rebuilding: reading the stored vectors …</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 of %3)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The integrity check could not run:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;The integrity check could not run:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Integrity check cancelled after %1; no verdict.</source>
        <translation>Integrity check cancelled after %1; no verdict.</translation>
    </message>
    <message>
        <source>no problems</source>
        <translation>no problems</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;No problems found&lt;/b&gt; — %2 records, %3 vectors checked in %4 (at %5).</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;No problems found&lt;/b&gt; — %2 records, %3 vectors checked in %4 (at %5).</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;1 problem found&lt;/b&gt; in %2 (at %3).</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;1 problem found&lt;/b&gt; in %2 (at %3).</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;%2 problems found&lt;/b&gt; in %3 (at %4).</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;%2 problems found&lt;/b&gt; in %3 (at %4).</translation>
    </message>
    <message>
        <source>Rebuilding the vector index repairs the index problems.</source>
        <translation>Rebuilding the vector index repairs the index problems.</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;Vector index rebuilt&lt;/b&gt; from the database: %2 vectors in %3.</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;Vector index rebuilt&lt;/b&gt; from the database: %2 vectors in %3.</translation>
    </message>
    <message>
        <source>Rebuild cancelled after %1; the current index stays in use.</source>
        <translation>Rebuild cancelled after %1; the current index stays in use.</translation>
    </message>
    <message>
        <source>&lt;b style=&quot;color:%1&quot;&gt;The rebuild failed:&lt;/b&gt; %2</source>
        <translation>&lt;b style=&quot;color:%1&quot;&gt;The rebuild failed:&lt;/b&gt; %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::MappingEditor</name>
    <message>
        <source>Column mapping</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Reset to detected</source>
        <translation>Reset to detected</translation>
    </message>
    <message>
        <source>External ID *</source>
        <translation>External ID *</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Column for %1</translation>
    </message>
    <message>
        <source>The source column that feeds the field %1</source>
        <translation>The source column that feeds the field %1</translation>
    </message>
    <message>
        <source>Forget the changes and use the detected mapping</source>
        <translation>Forget the changes and use the detected mapping</translation>
    </message>
    <message>
        <source>(not mapped)</source>
        <translation>(not mapped)</translation>
    </message>
    <message>
        <source>%1 (detected)</source>
        <translation>%1 (detected)</translation>
    </message>
</context>
<context>
    <name>kms::ui::PreviewModel</name>
    <message>
        <source>line %1</source>
        <translation>line %1</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>record %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: field %2: %3</source>
        <translation>%1: field %2: %3</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Line %1 of the file</source>
        <translation>Line %1 of the file</translation>
    </message>
    <message>
        <source>Record %1 of the file</source>
        <translation>Record %1 of the file</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>What the current mapping makes of the record</source>
        <translation>What the current mapping makes of the record</translation>
    </message>
    <message>
        <source>Column %1: not mapped, kept as an extra field</source>
        <translation>Column %1: not mapped, kept as an extra field</translation>
    </message>
    <message>
        <source>Column %1 feeds %2</source>
        <translation>Column %1 feeds %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::RecordDialog</name>
    <message>
        <source>Edit case %1</source>
        <translation>Edit case %1</translation>
    </message>
    <message>
        <source>Edit article %1</source>
        <translation>Edit article %1</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>New article</translation>
    </message>
    <message>
        <source>Record %1 · created %2 · updated %3</source>
        <translation>Record %1 · created %2 · updated %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>The ID identifies the record for imports; it cannot change.</source>
        <translation>The ID identifies the record for imports; it cannot change.</translation>
    </message>
    <message>
        <source>e.g. CS-0001234</source>
        <translation>e.g. CS-0001234</translation>
    </message>
    <message>
        <source>e.g. KB-00123</source>
        <translation>e.g. KB-00123</translation>
    </message>
    <message>
        <source>&amp;ID:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Body:</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Resolution:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priority:</translation>
    </message>
    <message>
        <source>Pro&amp;duct:</source>
        <translation>Pro&amp;duct:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. vpn, upgrade</source>
        <translation>Comma-separated, e.g. vpn, upgrade</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>Too long: %1 bytes, at most %2.</source>
        <translation>Too long: %1 bytes, at most %2.</translation>
    </message>
    <message>
        <source>Too many tags: %1, at most %2.</source>
        <translation>Too many tags: %1, at most %2.</translation>
    </message>
    <message>
        <source>A tag is %1 bytes long, at most %2.</source>
        <translation>A tag is %1 bytes long, at most %2.</translation>
    </message>
    <message>
        <source>Another record already uses the ID “%1”.</source>
        <translation>Another record already uses the ID “%1”.</translation>
    </message>
    <message>
        <source>This record no longer exists; it was deleted meanwhile.</source>
        <translation>This record no longer exists; it was deleted meanwhile.</translation>
    </message>
</context>
<context>
    <name>kms::ui::RecordTableModel</name>
    <message>
        <source>Loading …</source>
        <translation>Loading …</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>kms::ui::RejectFixDialog</name>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Fix rejected record %1</source>
        <translation>Fix rejected record %1</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Record:</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (line %2)</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Field:</translation>
    </message>
    <message>
        <source>(whole record)</source>
        <translation>(whole record)</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Record text</source>
        <translation>Record text</translation>
    </message>
    <message>
        <source>The record as the file spells it; edit it and retry:</source>
        <translation>The record as the file spells it; edit it and retry:</translation>
    </message>
    <message>
        <source>Header unavailable: %1</source>
        <translation>Header unavailable: %1</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>Columns: %1</translation>
    </message>
    <message>
        <source>Retrying …</source>
        <translation>Retrying …</translation>
    </message>
    <message>
        <source>The retry failed (see the log).</source>
        <translation>The retry failed (see the log).</translation>
    </message>
    <message>
        <source>Still rejected: %1</source>
        <translation>Still rejected: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::RejectsModel</name>
    <message>
        <source>(whole record)</source>
        <translation>(whole record)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>kms::ui::RejectsPanel</name>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Fix and retry…</source>
        <translation>Fix and retry…</translation>
    </message>
    <message>
        <source>Rejected records</source>
        <translation>Rejected records</translation>
    </message>
    <message>
        <source>Edit the selected record as its file spells it and ingest it again</source>
        <translation>Edit the selected record as its file spells it and ingest it again</translation>
    </message>
    <message>
        <source>Select a job in the history to see its rejected records.</source>
        <translation>Select a job in the history to see its rejected records.</translation>
    </message>
    <message>
        <source>Rejected records of job %1: loading …</source>
        <translation>Rejected records of job %1: loading …</translation>
    </message>
    <message>
        <source>Job %1 has no rejected records.</source>
        <translation>Job %1 has no rejected records.</translation>
    </message>
    <message>
        <source>Rejected records of job %1: the first %2 (export for all)</source>
        <translation>Rejected records of job %1: the first %2 (export for all)</translation>
    </message>
    <message>
        <source>Rejected records of job %1: %2</source>
        <translation>Rejected records of job %1: %2</translation>
    </message>
    <message>
        <source>Exporting to %1 …</source>
        <translation>Exporting to %1 …</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Exported %1 rejected records to %2</source>
        <translation>Exported %1 rejected records to %2</translation>
    </message>
    <message>
        <source>Record %1 (%2) was already stored as fixed; its reject is removed.</source>
        <translation>Record %1 (%2) was already stored as fixed; its reject is removed.</translation>
    </message>
    <message>
        <source>Record %1 stored in %2; its reject is removed.</source>
        <translation>Record %1 stored in %2; its reject is removed.</translation>
    </message>
</context>
<context>
    <name>kms::ui::RequestTableModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
</context>
<context>
    <name>kms::ui::ResultsModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Status / category</source>
        <translation>Status / category</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Snippet</translation>
    </message>
</context>
<context>
    <name>kms::ui::SchedulesModel</name>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>%1 (due now)</source>
        <translation>%1 (due now)</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message numerus="yes">
        <source>every %n min</source>
        <translation>
            <numerusform>every %n min</numerusform>
            <numerusform>every %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>job %1</translation>
    </message>
    <message>
        <source>job %1, %2</source>
        <translation>job %1, %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Next run</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Last run</translation>
    </message>
    <message>
        <source>Last job</source>
        <translation>Last job</translation>
    </message>
</context>
<context>
    <name>kms::ui::SchedulesPanel</name>
    <message>
        <source>Schedule the chosen files</source>
        <translation>Schedule the chosen files</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Run now</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Scheduled syncs</source>
        <translation>Scheduled syncs</translation>
    </message>
    <message>
        <source>Schedule name</source>
        <translation>Schedule name</translation>
    </message>
    <message>
        <source>Name, e.g. Ticket export</source>
        <translation>Name, e.g. Ticket export</translation>
    </message>
    <message>
        <source>Interval in minutes</source>
        <translation>Interval in minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Re-ingest the files chosen above, with their mapping and options, every N minutes; unchanged records are skipped</source>
        <translation>Re-ingest the files chosen above, with their mapping and options, every N minutes; unchanged records are skipped</translation>
    </message>
    <message>
        <source>&amp;Every</source>
        <translation>&amp;Every</translation>
    </message>
    <message>
        <source>Schedule %1: %2</source>
        <translation>Schedule %1: %2</translation>
    </message>
    <message>
        <source>Choose the files to sync first (Add files… or drop them on the window).</source>
        <translation>Choose the files to sync first (Add files… or drop them on the window).</translation>
    </message>
    <message>
        <source>Could not add the schedule: %1</source>
        <translation>Could not add the schedule: %1</translation>
    </message>
    <message>
        <source>“%1” is scheduled.</source>
        <translation>“%1” is scheduled.</translation>
    </message>
    <message>
        <source>Could not remove the schedule: %1</source>
        <translation>Could not remove the schedule: %1</translation>
    </message>
    <message>
        <source>The schedule is removed; its past jobs stay in the history.</source>
        <translation>The schedule is removed; its past jobs stay in the history.</translation>
    </message>
    <message>
        <source>Queued job %1.</source>
        <translation>Queued job %1.</translation>
    </message>
    <message>
        <source>Nothing queued: %1</source>
        <translation>Nothing queued: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unknown error</translation>
    </message>
</context>
<context>
    <name>kms::ui::SearchForm</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search query</source>
        <translation>Search query</translation>
    </message>
    <message>
        <source>Search cases and articles: words, &quot;a phrase&quot;, prefix*, -exclude, status:open …</source>
        <translation>Search cases and articles: words, &quot;a phrase&quot;, prefix*, -exclude, status:open …</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Search mode</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Keyword</translation>
    </message>
    <message>
        <source>Vector</source>
        <translation>Vector</translation>
    </message>
    <message>
        <source>Keyword: BM25 over the words. Vector: nearest embeddings. Hybrid: both lists fused.</source>
        <translation>Keyword: BM25 over the words. Vector: nearest embeddings. Hybrid: both lists fused.</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Cases and articles</source>
        <translation>Cases and articles</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>Recent searches</source>
        <translation>Recent searches</translation>
    </message>
    <message>
        <source>Run a recent search again</source>
        <translation>Run a recent search again</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Show filters and ranking options</source>
        <translation>Show filters and ranking options</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <source>open, pending</source>
        <translation>open, pending</translation>
    </message>
    <message>
        <source>Priority filter</source>
        <translation>Priority filter</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>Product filter</source>
        <translation>Product filter</translation>
    </message>
    <message>
        <source>any product</source>
        <translation>any product</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Category filter</translation>
    </message>
    <message>
        <source>any category</source>
        <translation>any category</translation>
    </message>
    <message>
        <source>Tags filter</source>
        <translation>Tags filter</translation>
    </message>
    <message>
        <source>vpn, network</source>
        <translation>vpn, network</translation>
    </message>
    <message>
        <source>Comma-separated alternatives; empty means any</source>
        <translation>Comma-separated alternatives; empty means any</translation>
    </message>
    <message>
        <source>Date filter field</source>
        <translation>Date filter field</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>A day as YYYY-MM-DD, inclusive; empty means open-ended</source>
        <translation>A day as YYYY-MM-DD, inclusive; empty means open-ended</translation>
    </message>
    <message>
        <source>Hits per page</source>
        <translation>Hits per page</translation>
    </message>
    <message>
        <source>Fusion method</source>
        <translation>Fusion method</translation>
    </message>
    <message>
        <source>RRF</source>
        <translation>RRF</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Weighted</translation>
    </message>
    <message>
        <source>How hybrid mode merges the keyword and vector lists: reciprocal rank fusion, or a weighted sum of normalised scores</source>
        <translation>How hybrid mode merges the keyword and vector lists: reciprocal rank fusion, or a weighted sum of normalised scores</translation>
    </message>
    <message>
        <source>Keyword weight</source>
        <translation>Keyword weight</translation>
    </message>
    <message>
        <source>The keyword list&apos;s share in the fusion; the vector list gets the rest</source>
        <translation>The keyword list&apos;s share in the fusion; the vector list gets the rest</translation>
    </message>
    <message>
        <source>RRF k</source>
        <translation>RRF k</translation>
    </message>
    <message>
        <source>The RRF constant: larger values flatten the difference between ranks</source>
        <translation>The RRF constant: larger values flatten the difference between ranks</translation>
    </message>
    <message>
        <source>Search as you type</source>
        <translation>Search as you type</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Priorit&amp;y</source>
        <translation>Priorit&amp;y</translation>
    </message>
    <message>
        <source>Pro&amp;duct</source>
        <translation>Pro&amp;duct</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>Cate&amp;gory</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>T&amp;ags</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Hits per page</source>
        <translation>&amp;Hits per page</translation>
    </message>
    <message>
        <source>F&amp;usion</source>
        <translation>F&amp;usion</translation>
    </message>
    <message>
        <source>&amp;Keyword weight</source>
        <translation>&amp;Keyword weight</translation>
    </message>
    <message>
        <source>RRF &amp;k</source>
        <translation>RRF &amp;k</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a date; write it as YYYY-MM-DD, e.g. 2024-01-31</source>
        <translation>%1: &apos;%2&apos; is not a date; write it as YYYY-MM-DD, e.g. 2024-01-31</translation>
    </message>
    <message>
        <source>The date range ends (%1) before it starts (%2)</source>
        <translation>The date range ends (%1) before it starts (%2)</translation>
    </message>
</context>
<context>
    <name>kms::ui::SearchHistory</name>
    <message>
        <source>keyword</source>
        <translation>keyword</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>vector</translation>
    </message>
    <message>
        <source>hybrid</source>
        <translation>hybrid</translation>
    </message>
    <message>
        <source>Recent searches</source>
        <translation>Recent searches</translation>
    </message>
    <message>
        <source>No searches yet</source>
        <translation>No searches yet</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2, filtered</source>
        <translation>%1 — %2, filtered</translation>
    </message>
    <message>
        <source>%1
Filters: %2
%3 hits, %4</source>
        <translation>%1
Filters: %2
%3 hits, %4</translation>
    </message>
</context>
<context>
    <name>kms::ui::SearchPage</name>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Focus the search box</source>
        <translation>Focus the search box</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>searching …</source>
        <translation>searching …</translation>
    </message>
    <message>
        <source>Waiting for the data directory to open …</source>
        <translation>Waiting for the data directory to open …</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Previous page of results</source>
        <translation>Previous page of results</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Next page of results</source>
        <translation>Next page of results</translation>
    </message>
    <message>
        <source>Query latency</source>
        <translation>Query latency</translation>
    </message>
    <message>
        <source>Search is unavailable: %1</source>
        <translation>Search is unavailable: %1</translation>
    </message>
    <message>
        <source>Type a query and press Enter. Ctrl+K focuses the search box from anywhere.</source>
        <translation>Type a query and press Enter. Ctrl+K focuses the search box from anywhere.</translation>
    </message>
    <message>
        <source>Type a query and press Enter.</source>
        <translation>Type a query and press Enter.</translation>
    </message>
    <message>
        <source>The data directory is not open.</source>
        <translation>The data directory is not open.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>record %1</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>No hits</translation>
    </message>
    <message>
        <source>Hits %1–%2</source>
        <translation>Hits %1–%2</translation>
    </message>
    <message>
        <source>Latency %1</source>
        <translation>Latency %1</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <source>Records most like %1</source>
        <translation>Records most like %1</translation>
    </message>
    <message>
        <source>Nothing matches &quot;%1&quot; with these filters.</source>
        <translation>Nothing matches &quot;%1&quot; with these filters.</translation>
    </message>
    <message>
        <source>Searched for: %1</source>
        <translation>Searched for: %1</translation>
    </message>
    <message>
        <source>No hits.</source>
        <translation>No hits.</translation>
    </message>
    <message>
        <source>The vector index is loading: until it is ready, vector and hybrid searches answer by keyword only (each answer says so). Keyword search works now.</source>
        <translation>The vector index is loading: until it is ready, vector and hybrid searches answer by keyword only (each answer says so). Keyword search works now.</translation>
    </message>
    <message>
        <source>From starting this search to its results: %1, of which the engine searched for %2</source>
        <translation>From starting this search to its results: %1, of which the engine searched for %2</translation>
    </message>
    <message>
        <source>Searched for: %1 (%2)</source>
        <translation>Searched for: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>kms::ui::SearchRunner</name>
    <message>
        <source>The search failed inside the engine; the log has the details.</source>
        <translation>The search failed inside the engine; the log has the details.</translation>
    </message>
</context>
<context>
    <name>kms::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Engine of the open data directory</source>
        <translation>Engine of the open data directory</translation>
    </message>
</context>
<context>
    <name>kms::ui::SourcePanel</name>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Files to ingest</source>
        <translation>Files to ingest</translation>
    </message>
    <message>
        <source>Choose CSV, JSON or JSON Lines files (also .gz); or drop them on the window</source>
        <translation>Choose CSV, JSON or JSON Lines files (also .gz); or drop them on the window</translation>
    </message>
    <message>
        <source>Drop CSV, JSON or JSON Lines files (also gzip-compressed) on the window, or click “Add files…”.
The first records appear here with the column mapping, checked before anything is written.</source>
        <translation>Drop CSV, JSON or JSON Lines files (also gzip-compressed) on the window, or click “Add files…”.
The first records appear here with the column mapping, checked before anything is written.</translation>
    </message>
    <message>
        <source>Preview of the first records</source>
        <translation>Preview of the first records</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>%1: could not be read (see the log)</source>
        <translation>%1: could not be read (see the log)</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no column is mapped to external_id, which every record needs; choose one under “Column mapping”</source>
        <translation>%1: no column is mapped to external_id, which every record needs; choose one under “Column mapping”</translation>
    </message>
    <message>
        <source>%1: neither title nor body is mapped; every record needs one of them</source>
        <translation>%1: neither title nor body is mapped; every record needs one of them</translation>
    </message>
    <message>
        <source>No files chosen</source>
        <translation>No files chosen</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>Reading %1 …</translation>
    </message>
    <message>
        <source>read as %1</source>
        <translation>read as %1</translation>
    </message>
    <message>
        <source>cases or knowledge by its %1 column</source>
        <translation>cases or knowledge by its %1 column</translation>
    </message>
    <message>
        <source>%1 — %2, about %3 records, %4; the first %5 shown</source>
        <translation>%1 — %2, about %3 records, %4; the first %5 shown</translation>
    </message>
    <message>
        <source>Reading stops early: %1</source>
        <translation>Reading stops early: %1</translation>
    </message>
    <message>
        <source>%1 of the first %2 records would be rejected — %3</source>
        <translation>%1 of the first %2 records would be rejected — %3</translation>
    </message>
</context>
<context>
    <name>kms::ui::StatTile</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>kms::ui::StatusBadge</name>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Unhealthy</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::StatusPanel</name>
    <message>
        <source>healthy</source>
        <translation>healthy</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>degraded</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>unhealthy</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Job progress</source>
        <translation>Job progress</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Store: %1</translation>
    </message>
    <message>
        <source>Job #%1 paused at %2 %</source>
        <translation>Job #%1 paused at %2 %</translation>
    </message>
    <message>
        <source>Job #%1: %2 % at %3, %4 left</source>
        <translation>Job #%1: %2 % at %3, %4 left</translation>
    </message>
    <message>
        <source>Job #%1: %2 % at %3</source>
        <translation>Job #%1: %2 % at %3</translation>
    </message>
    <message>
        <source>No job running</source>
        <translation>No job running</translation>
    </message>
    <message>
        <source>Every component is healthy.</source>
        <translation>Every component is healthy.</translation>
    </message>
    <message>
        <source>Store: vector index loading</source>
        <translation>Store: vector index loading</translation>
    </message>
</context>
<context>
    <name>kms::ui::TokenPanel</name>
    <message>
        <source>Create token</source>
        <translation>Create token</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Who holds it, e.g. helpdesk-sync</source>
        <translation>Who holds it, e.g. helpdesk-sync</translation>
    </message>
    <message>
        <source>New token name</source>
        <translation>New token name</translation>
    </message>
    <message>
        <source>New token scope</source>
        <translation>New token scope</translation>
    </message>
    <message>
        <source>read: search, read records and jobs, health, metrics</source>
        <translation>read: search, read records and jobs, health, metrics</translation>
    </message>
    <message>
        <source>write: also change records, ingest, cancel jobs</source>
        <translation>write: also change records, ingest, cancel jobs</translation>
    </message>
    <message>
        <source>The new token</source>
        <translation>The new token</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>New token:</source>
        <translation>New token:</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>revoked %1</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>in force</translation>
    </message>
    <message>
        <source>Give the token a name first: who will hold it (letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;).</source>
        <translation>Give the token a name first: who will hold it (letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;).</translation>
    </message>
    <message>
        <source>The token was not created: %1</source>
        <translation>The token was not created: %1</translation>
    </message>
    <message>
        <source>Token “%1” (%2). Copy it now: only its hash is stored, so it cannot be shown again. Send it as the header  Authorization: Bearer &lt;token&gt;.</source>
        <translation>Token “%1” (%2). Copy it now: only its hash is stored, so it cannot be shown again. Send it as the header  Authorization: Bearer &lt;token&gt;.</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Revoke token</translation>
    </message>
    <message>
        <source>Revoke the token “%1”? Requests with it are refused from now on; this cannot be undone.</source>
        <translation>Revoke the token “%1”? Requests with it are refused from now on; this cannot be undone.</translation>
    </message>
    <message>
        <source>Token “%1” revoked.</source>
        <translation>Token “%1” revoked.</translation>
    </message>
    <message>
        <source>The token was not revoked: %1</source>
        <translation>The token was not revoked: %1</translation>
    </message>
</context>
<context>
    <name>kms::ui::WorkersForm</name>
    <message>
        <source>redis://host:6379 — empty: no workers</source>
        <translation>redis://host:6379 — empty: no workers</translation>
    </message>
    <message>
        <source>Redis URL of the embedding workers</source>
        <translation>Redis URL of the embedding workers</translation>
    </message>
    <message>
        <source>Workers started with kmsctl worker --redis URL on other machines embed this store&apos;s records in distributed ingestion jobs. Give the password in KMS_REDIS_PASSWORD or in a file readable by you only, named by KMS_REDIS_PASSWORD_FILE, rather than in the URL.</source>
        <translation>Workers started with kmsctl worker --redis URL on other machines embed this store&apos;s records in distributed ingestion jobs. Give the password in KMS_REDIS_PASSWORD or in a file readable by you only, named by KMS_REDIS_PASSWORD_FILE, rather than in the URL.</translation>
    </message>
    <message>
        <source>Redis URL</source>
        <translation>Redis URL</translation>
    </message>
    <message>
        <source>Off: ingestion embeds every record on this machine.</source>
        <translation>Off: ingestion embeds every record on this machine.</translation>
    </message>
    <message>
        <source>Asking Redis for its workers …</source>
        <translation>Asking Redis for its workers …</translation>
    </message>
    <message>
        <source>Redis cannot be reached: %1. Ingestion embeds here until it can.</source>
        <translation>Redis cannot be reached: %1. Ingestion embeds here until it can.</translation>
    </message>
    <message>
        <source>Redis answers; no worker with this store&apos;s embedder is registered.</source>
        <translation>Redis answers; no worker with this store&apos;s embedder is registered.</translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) with this store&apos;s embedder registered.</source>
        <translation>
            <numerusform>%n worker with this store&apos;s embedder registered.</numerusform>
            <numerusform>%n workers with this store&apos;s embedder registered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more with another embedder (they refuse this store&apos;s batches).</source>
        <translation>
            <numerusform>%n more with another embedder (it refuses this store&apos;s batches).</numerusform>
            <numerusform>%n more with another embedder (they refuse this store&apos;s batches).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kms::ui::format</name>
    <message>
        <source>%1 rec/s</source>
        <translation>%1 rec/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>kms::ui::jobtext</name>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>%1 read: %2 new, %3 changed, %4 unchanged, %5 rejected</source>
        <translation>%1 read: %2 new, %3 changed, %4 unchanged, %5 rejected</translation>
    </message>
</context>
</TS>
