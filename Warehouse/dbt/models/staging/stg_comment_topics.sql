{{ config(materialized='view') }}

-- The topic each modelled comment of a day belongs to, and how strongly (weight in [0, 1]).
select
    topic_date,
    comment_id,
    video_id,
    topic_id,
    weight as topic_weight
from {{ source('insights', 'comment_topics') }}
