{{ config(materialized='view') }}

-- Per video and day (of snapshot time): the counters at the day's last snapshot, their growth since the last
-- snapshot of the previous day with one (from zero on the video's first day), and the engagement rate
-- (likes + comments + shares) / views, 0 without views.
with snapshots as (
    select
        video_id,
        snapshot_time,
        snapshot_date,
        version,
        views,
        likes,
        shares,
        comments
    from {{ ref('stg_video_snapshots') }}
),

ranked as (
    select
        video_id,
        snapshot_date,
        snapshot_time,
        views,
        likes,
        shares,
        comments,
        row_number() over (partition by video_id, snapshot_date order by snapshot_time desc, version desc) as position_in_day
    from snapshots
),

last_of_day as (
    select
        video_id,
        snapshot_date,
        snapshot_time,
        views,
        likes,
        shares,
        comments
    from ranked
    where position_in_day = 1
)

select
    concat(video_id, '|', cast(snapshot_date as varchar(10))) as engagement_key,
    video_id,
    snapshot_date as activity_date,
    snapshot_time as last_snapshot_time,
    views,
    likes,
    shares,
    comments,
    views - coalesce(lag(views) over (partition by video_id order by snapshot_date), 0) as views_growth,
    likes - coalesce(lag(likes) over (partition by video_id order by snapshot_date), 0) as likes_growth,
    shares - coalesce(lag(shares) over (partition by video_id order by snapshot_date), 0) as shares_growth,
    comments - coalesce(lag(comments) over (partition by video_id order by snapshot_date), 0) as comments_growth,
    case when views > 0 then (likes + comments + shares) * 1.0E0 / views else 0.0E0 end as engagement_rate
from last_of_day
