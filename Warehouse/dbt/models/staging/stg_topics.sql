{{ config(materialized='view') }}

-- The topics of each day as the topic model found them: one row per day and topic, its volume and sentiment.
-- previous_date is the day before topic_date (computed at load: date arithmetic has no portable spelling);
-- previous_comments is what the model's build saw the day before, kept for comparison with the marts' own figure.
select
    concat(cast(topic_date as varchar(10)), '|', topic_id) as topic_key,
    topic_date,
    previous_date,
    topic_id,
    label as topic_label,
    terms as topic_terms,
    comments as comment_count,
    videos as video_count,
    positive as positive_count,
    neutral as neutral_count,
    negative as negative_count,
    mean_score,
    sentiment_score,
    previous_comments,
    model as topic_model,
    built_at
from {{ source('insights', 'topics_daily') }}
