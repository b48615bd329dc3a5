{{ config(materialized='view') }}

-- The 10 topics with the most comments each day, ties to the smaller topic id, with their sentiment and the change
-- against the day before: the same topic_id's comments on the previous date, from the warehouse's own topics of that
-- day (not the file's previous_comments), so the mart stands on the loaded tables alone. previous_comments, change
-- and change_pct are null when the topic did not exist the day before; change_pct is in percent.
with topics as (
    select
        topic_date,
        previous_date,
        topic_id,
        topic_label,
        topic_terms,
        comment_count,
        video_count,
        positive_count,
        neutral_count,
        negative_count,
        mean_score,
        sentiment_score
    from {{ ref('stg_topics') }}
),

ranked as (
    select
        topics.*,
        row_number() over (partition by topic_date order by comment_count desc, topic_id) as topic_rank
    from topics
)

select
    concat(cast(t.topic_date as varchar(10)), '|', cast(t.topic_rank as varchar(10))) as top_topic_key,
    t.topic_date,
    t.topic_rank,
    t.topic_id,
    t.topic_label,
    t.topic_terms,
    t.comment_count,
    t.video_count,
    t.positive_count,
    t.neutral_count,
    t.negative_count,
    case when t.comment_count > 0 then t.positive_count * 1.0E0 / t.comment_count end as positive_share,
    case when t.comment_count > 0 then t.neutral_count * 1.0E0 / t.comment_count end as neutral_share,
    case when t.comment_count > 0 then t.negative_count * 1.0E0 / t.comment_count end as negative_share,
    t.mean_score,
    t.sentiment_score,
    p.comment_count as previous_comments,
    t.comment_count - p.comment_count as change,
    case when p.comment_count > 0 then (t.comment_count - p.comment_count) * 100.0E0 / p.comment_count end as change_pct
from ranked as t
left join topics as p on p.topic_id = t.topic_id and p.topic_date = t.previous_date
where t.topic_rank <= 10
