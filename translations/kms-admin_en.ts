<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>Embedder in use</source>
        <translation>Embedder in use</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Fixed for this embedder kind.</source>
        <translation>Fixed for this embedder kind.</translation>
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
        <source>New embedder parameters change every vector: all %1 records are embedded again and the vector index is rebuilt.

The current vectors stay in use until the new set is complete, and cancelling keeps them. Queued ingestion jobs wait.</source>
        <translation>New embedder parameters change every vector: all %1 records are embedded again and the vector index is rebuilt.

The current vectors stay in use until the new set is complete, and cancelling keeps them. Queued ingestion jobs wait.</translation>
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
</TS>
