create table events (
    id int4 primary key,
    happened_at timestamptz not null default NOW(),
    flag bool default FALSE,
    title varchar(40),
    score float8,
    amount decimal(10,2) default (0)
);
