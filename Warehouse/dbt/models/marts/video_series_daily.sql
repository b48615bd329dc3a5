{{ config(materialized='view') }}

-- video_series_hourly summed per day (UTC): the same figures, so an hourly and a daily chart of one range agree.
with hours as (
    select
        video_id,
        cast(period_start as date) as period_date,
        comment_count,
        positive_count,
        neutral_count,
        negative_count,
        sentiment_score_sum,
        probability_positive_sum,
        probability_negative_sum,
        views_growth,
        likes_growth,
        shares_growth
    from {{ ref('video_series_hourly') }}
),

days as (
    select
        video_id,
        period_date,
        sum(comment_count) as comment_count,
        sum(positive_count) as positive_count,
        sum(neutral_count) as neutral_count,
        sum(negative_count) as negative_count,
        sum(sentiment_score_sum) as sentiment_score_sum,
        sum(probability_positive_sum) as probability_positive_sum,
        sum(probability_negative_sum) as probability_negative_sum,
        sum(views_growth) as views_growth,
        sum(likes_growth) as likes_growth,
        sum(shares_growth) as shares_growth
    from hours
    group by video_id, period_date
)

select
    concat(video_id, '|', cast(period_date as varchar(10))) as series_key,
    video_id,
    cast(period_date as datetime) as period_start,
    comment_count,
    positive_count,
    neutral_count,
    negative_count,
    sentiment_score_sum,
    probability_positive_sum,
    probability_negative_sum,
    case when comment_count > 0
        then (probability_positive_sum - probability_negative_sum) * 100.0E0 / comment_count
        else 0.0E0 end as sentiment_score,
    views_growth,
    likes_growth,
    shares_growth
from days
