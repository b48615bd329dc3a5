{{ config(materialized='view') }}

select
    date_key,
    calendar_date,
    year as calendar_year,
    quarter as calendar_quarter,
    month as calendar_month,
    month_name,
    day_of_month,
    day_of_week,
    day_name,
    iso_week,
    is_weekend
from {{ source('insights', 'dim_date') }}
