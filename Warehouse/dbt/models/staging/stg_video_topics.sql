{{ config(materialized='view') }}

-- A video's comments on each topic of a day, with their sentiment.
select
    concat(cast(topic_date as varchar(10)), '|', video_id, '|', topic_id) as video_topic_key,
    topic_date,
    video_id,
    topic_id,
    comments as comment_count,
    positive as positive_count,
    neutral as neutral_count,
    negative as negative_count,
    mean_score,
    sentiment_score
from {{ source('insights', 'video_topics') }}
