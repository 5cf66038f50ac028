-- The task tracker as it should be after this change: tasks get a due date (with an index for "due soon" queries),
-- a 'blocked' status, and the dashboard view shows who is on each task and when it is due.

CREATE TYPE task_status AS ENUM ('todo', 'doing', 'blocked', 'done');

CREATE TABLE accounts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    email      text NOT NULL UNIQUE,
    full_name  text NOT NULL
);

CREATE TABLE projects (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       text NOT NULL,
    UNIQUE (account_id, name)
);

CREATE TABLE tasks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    assignee_id bigint REFERENCES users (id) ON DELETE SET NULL,
    title       text NOT NULL CHECK (title <> ''),
    status      task_status NOT NULL DEFAULT 'todo',
    due_on      date
);

CREATE INDEX tasks_due_on_idx ON tasks (due_on) WHERE status <> 'done';

-- Open work per project, for the dashboard.
CREATE VIEW open_tasks AS
SELECT t.id, p.name AS project, t.title, t.status, t.due_on, u.full_name AS assignee
FROM tasks t
JOIN projects p ON p.id = t.project_id
LEFT JOIN users u ON u.id = t.assignee_id
WHERE t.status <> 'done';
