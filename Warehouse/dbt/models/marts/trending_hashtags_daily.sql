{{ config(materialized='view') }}

-- The 10 hashtags with the most comments each day (of comment time): a comment counts for every hashtag of the
-- video it was written on (dim_video.hashtag_names, split into stg_video_hashtags). Ties go to the hashtag first
-- in the engine's collation.
with comments as (
    select
        video_id,
        comment_date,
        probability_positive,
        probability_negative
    from {{ ref('stg_comments') }}
),

hashtags as (
    select
        video_id,
        hashtag
    from {{ ref('stg_video_hashtags') }}
),

daily as (
    select
        c.comment_date,
        h.hashtag,
        count(*) as comment_count,
        count(distinct c.video_id) as video_count,
        (avg(c.probability_positive) - avg(c.probability_negative)) * 100.0E0 as sentiment_score
    from comments as c
    inner join hashtags as h on h.video_id = c.video_id
    group by c.comment_date, h.hashtag
),

ranked as (
    select
        comment_date,
        hashtag,
        comment_count,
        video_count,
        sentiment_score,
        row_number() over (partition by comment_date order by comment_count desc, hashtag) as hashtag_rank
    from daily
)

select
    concat(cast(comment_date as varchar(10)), '|', cast(hashtag_rank as varchar(10))) as trend_key,
    comment_date as activity_date,
    hashtag_rank,
    hashtag,
    comment_count,
    video_count,
    sentiment_score
from ranked
where hashtag_rank <= 10
