{{ config(materialized='view') }}

-- Comment sentiment per video, per hour (grain = 'hour') and per day (grain = 'day') of comment time.
-- sentiment_score is TikTok comment insights' score: (mean probability_positive - mean probability_negative) x 100,
-- in [-100, 100]. Shares are of the period's comments. 1.0E0 makes the arithmetic floating point in both engines.
with comments as (
    select
        video_id,
        comment_hour,
        comment_date,
        sentiment_label,
        sentiment_score,
        probability_positive,
        probability_negative
    from {{ ref('stg_comments') }}
),

hourly as (
    select
        video_id,
        'hour' as grain,
        comment_hour as period_start,
        count(*) as comment_count,
        sum(case when sentiment_label = 'positive' then 1 else 0 end) as positive_count,
        sum(case when sentiment_label = 'neutral' then 1 else 0 end) as neutral_count,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative_count,
        avg(sentiment_score) as mean_score,
        avg(probability_positive) as mean_probability_positive,
        avg(probability_negative) as mean_probability_negative
    from comments
    group by video_id, comment_hour
),

daily as (
    select
        video_id,
        'day' as grain,
        cast(comment_date as datetime) as period_start,
        count(*) as comment_count,
        sum(case when sentiment_label = 'positive' then 1 else 0 end) as positive_count,
        sum(case when sentiment_label = 'neutral' then 1 else 0 end) as neutral_count,
        sum(case when sentiment_label = 'negative' then 1 else 0 end) as negative_count,
        avg(sentiment_score) as mean_score,
        avg(probability_positive) as mean_probability_positive,
        avg(probability_negative) as mean_probability_negative
    from comments
    group by video_id, comment_date
),

periods as (
    select * from hourly
    union all
    select * from daily
)

select
    concat(video_id, '|', grain, '|', cast(period_start as varchar(30))) as sentiment_key,
    video_id,
    grain,
    period_start,
    comment_count,
    positive_count,
    neutral_count,
    negative_count,
    positive_count * 1.0E0 / comment_count as positive_share,
    negative_count * 1.0E0 / comment_count as negative_share,
    mean_score,
    mean_probability_positive,
    mean_probability_negative,
    (mean_probability_positive - mean_probability_negative) * 100.0E0 as sentiment_score
from periods
