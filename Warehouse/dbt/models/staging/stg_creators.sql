{{ config(materialized='view') }}

select
    username,
    video_count,
    first_video_time,
    last_video_time,
    updated_at
from {{ source('insights', 'dim_creator') }}
