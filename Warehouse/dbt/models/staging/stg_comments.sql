{{ config(materialized='view') }}

-- One row per distinct comment, as scored by the pipeline (analyzer names the scorer, language is the identified
-- ISO 639-1 code, 'other' or 'und').
select
    comment_id,
    video_id,
    parent_comment_id,
    username,
    text as comment_text,
    like_count,
    reply_count,
    create_time as commented_at,
    create_hour as comment_hour,
    create_date as comment_date,
    ingested_at,
    sentiment_label,
    sentiment_score,
    probability_positive,
    probability_neutral,
    probability_negative,
    analyzer,
    language
from {{ source('insights', 'fact_comment') }}
