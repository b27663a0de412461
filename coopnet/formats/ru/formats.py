"""Russian date formats where Django's own say it wrongly; every other format is Django's (django.conf.locale.ru).

A day with its month takes the month in the genitive: «7 декабря», not «7 Декабрь» (the admin's date drill-downs,
`date_hierarchy`, print days with MONTH_DAY_FORMAT)."""

MONTH_DAY_FORMAT = "j E"
