{{ config(materialized='view') }}

-- A video's cumulative figures at each flush of its grain; version orders the snapshots of one video.
select
    video_id,
    snapshot_time,
    snapshot_hour,
    snapshot_date,
    version,
    views,
    likes,
    shares,
    comments,
    engagement_rate,
    positive as positive_comments,
    neutral as neutral_comments,
    negative as negative_comments,
    mean_score,
    sentiment_score,
    last_event_time
from {{ source('insights', 'fact_video_snapshot') }}
