{{ config(materialized='view') }}

-- A topic's top terms on a day, term_rank 1 the weightiest.
select
    concat(cast(topic_date as varchar(10)), '|', topic_id, '|', cast(rank as varchar(10))) as topic_term_key,
    topic_date,
    topic_id,
    rank as term_rank,
    term,
    weight as term_weight
from {{ source('insights', 'topic_terms_daily') }}
