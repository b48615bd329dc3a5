{{ config(materialized='view') }}

-- Per video and hour, the series the video page charts beyond the grain's 24 hours: comments and their sentiment by
-- comment time; views, likes and shares gained by snapshot time (a snapshot is a grain flush, seconds after the
-- events). Growth is each snapshot's counters minus the previous snapshot's of the video; a video's first snapshot is
-- its baseline and adds nothing, as the first observation adds nothing to the grain's windows. Hours with neither
-- comments nor growth have no row (the query fills them with zeros). The sums let video_series_daily derive its
-- means without going back to the comments.
with comments as (
    select
        video_id,
        comment_hour,
        sentiment_label,
        sentiment_score,
        probability_positive,
        probability_negative
    from {{ ref('stg_comments') }}
),

comment_hours as (
    select
        video_id,
        comment_hour as period_start,
        count(*) as comment_count,
        sum(case when sentiment_label = 'positive' then 1 else 0 end) as positive_count,
        sum(case when sentiment_label = 'neutral' then 1 else 0 end) as neutral_count,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative_count,
        sum(sentiment_score) as sentiment_score_sum,
        sum(probability_positive) as probability_positive_sum,
        sum(probability_negative) as probability_negative_sum
    from comments
    group by video_id, comment_hour
),

snapshots as (
    select
        video_id,
        snapshot_hour,
        views - coalesce(lag(views) over (partition by video_id order by version, snapshot_time), views) as views_growth,
        likes - coalesce(lag(likes) over (partition by video_id order by version, snapshot_time), likes) as likes_growth,
        shares - coalesce(lag(shares) over (partition by video_id order by version, snapshot_time), shares) as shares_growth
    from {{ ref('stg_video_snapshots') }}
),

engagement_hours as (
    select
        video_id,
        snapshot_hour as period_start,
        sum(views_growth) as views_growth,
        sum(likes_growth) as likes_growth,
        sum(shares_growth) as shares_growth
    from snapshots
    group by video_id, snapshot_hour
),

periods as (
    select video_id, period_start from comment_hours
    union
    select video_id, period_start from engagement_hours
)

select
    concat(p.video_id, '|', cast(p.period_start as varchar(30))) as series_key,
    p.video_id,
    p.period_start,
    coalesce(c.comment_count, 0) as comment_count,
    coalesce(c.positive_count, 0) as positive_count,
    coalesce(c.neutral_count, 0) as neutral_count,
    coalesce(c.negative_count, 0) as negative_count,
    coalesce(c.sentiment_score_sum, 0.0E0) as sentiment_score_sum,
    coalesce(c.probability_positive_sum, 0.0E0) as probability_positive_sum,
    coalesce(c.probability_negative_sum, 0.0E0) as probability_negative_sum,
    case when c.comment_count > 0
        then (c.probability_positive_sum - c.probability_negative_sum) * 100.0E0 / c.comment_count
        else 0.0E0 end as sentiment_score,
    coalesce(e.views_growth, 0) as views_growth,
    coalesce(e.likes_growth, 0) as likes_growth,
    coalesce(e.shares_growth, 0) as shares_growth
from periods as p
left join comment_hours as c on c.video_id = p.video_id and c.period_start = p.period_start
left join engagement_hours as e on e.video_id = p.video_id and e.period_start = p.period_start
