{{ config(materialized='view') }}

select
    video_id,
    username,
    create_time as created_at,
    create_date as created_date,
    region_code,
    video_description,
    hashtag_names,
    music_id,
    duration as duration_seconds,
    updated_at
from {{ source('insights', 'dim_video') }}
