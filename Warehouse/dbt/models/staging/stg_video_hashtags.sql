{{ config(materialized='view') }}

-- dim_video.hashtag_names is comma-separated; splitting a string has no portable SQL (DuckDB string_split +
-- unnest, T-SQL STRING_SPLIT), so the loader writes the split rows into dim_video_hashtag.
select
    video_id,
    hashtag
from {{ source('insights', 'dim_video_hashtag') }}
