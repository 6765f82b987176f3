"""At least one instance of every change class, with the awkward variants, for render and plan tests."""

from __future__ import annotations

from dataclasses import replace

from schemagen.model import (
    CheckConstraint,
    Column,
    CompositeAttribute,
    CompositeType,
    Domain,
    EnumType,
    Extension,
    ForeignKey,
    Identity,
    Index,
    IndexElement,
    PrimaryKey,
    QualifiedName,
    Schema,
    Sequence,
    Table,
    UniqueConstraint,
)
from schemagen.model import changes as ch
from schemagen.model import rename_changes as rc
from schemagen.model import safe_changes as sc
from schemagen.model.identity import GrantOn, GrantTarget, grant_on_schema

Q = QualifiedName
T = Q("app", "Orders")
OLD = Column("amount", "integer", default="0")
STATUS = EnumType(Q("app", "status"), ("new", "done"))
DOMAIN = Domain(Q("app", "pos"), "integer", checks=(CheckConstraint("pos_check", "VALUE > 0"),))
SEQUENCE = Sequence(Q("app", "seq"), owned_by=(T, "id"))


OWNED_KEYWORDS = ("table", "view", "materialized view", "sequence", "function", "procedure", "type", "domain")
OWNED_KEYWORDS += ("collation", "text search dictionary", "text search configuration", "statistics")


def every_change() -> list[ch.Change]:
    """Changes covering every class (several for the ones with variants)."""
    table = Table(
        T, (Column("id", "bigint", not_null=True), OLD), primary_key=PrimaryKey("orders_pkey", ("id",))
    )
    fk = ForeignKey("orders_parent_fkey", ("id",), Q("app", "parent"), ("id",), on_delete="cascade")
    index = Index(Q("app", "orders_amount_idx"), T, (IndexElement("amount"),))
    return [
        ch.CreateSchema(Schema("app", owner="Owner")),
        ch.DropSchema(Schema("app")),
        ch.CreateExtension(Extension("pg_trgm", schema="app", version="1.6")),
        ch.DropExtension(Extension("pg_trgm")),
        ch.UpdateExtension("pg_trgm", "1.5", "1.6"),
        ch.UpdateExtension("pg_trgm", "1.5", None),
        ch.CreateEnum(STATUS),
        ch.DropEnum(STATUS),
        ch.AddEnumValue(STATUS.name, "it's", after="new"),
        ch.AddEnumValue(STATUS.name, "first", before="new"),
        ch.AddEnumValue(STATUS.name, "last"),
        ch.RebuildEnum(
            STATUS,
            EnumType(STATUS.name, ("done", "new")),
            (
                (T, Column("state", "app.status", default="'new'::app.status")),
                (T, Column("history", "app.status[]")),
            ),
        ),
        ch.CreateDomain(DOMAIN),
        ch.DropDomain(DOMAIN),
        ch.AlterDomain(
            DOMAIN, Domain(DOMAIN.name, "integer", default="1", not_null=True), ch.DomainChange(3)
        ),
        ch.AlterDomain(
            Domain(DOMAIN.name, "integer", default="1", not_null=True), DOMAIN, ch.DomainChange(3)
        ),
        ch.AddDomainConstraint(DOMAIN.name, CheckConstraint("small", "VALUE < 10", not_valid=True)),
        ch.DropDomainConstraint(DOMAIN.name, CheckConstraint("small", "VALUE < 10")),
        ch.CreateCompositeType(CompositeType(Q("app", "pair"), (CompositeAttribute("a", "text", "C"),))),
        ch.DropCompositeType(CompositeType(Q("app", "pair"), ())),
        ch.CreateSequence(SEQUENCE),
        ch.DropSequence(SEQUENCE),
        ch.AlterSequence(SEQUENCE, Sequence(SEQUENCE.name, data_type="integer", max_value=99, cycle=True)),
        ch.AlterSequenceOwnedBy(SEQUENCE.name, None, (T, "id")),
        ch.AlterSequenceOwnedBy(SEQUENCE.name, (T, "id"), None),
        ch.CreateTable(table),
        ch.DropTable(table),
        ch.AddColumn(T, Column("note", "text", collation="C")),
        ch.DropColumn(T, OLD),
        ch.AlterColumn(
            T,
            OLD,
            Column("amount", "numeric(12,2)", not_null=True, collation=None, default="0.0"),
            ch.ColumnChange.TYPE | ch.ColumnChange.DEFAULT | ch.ColumnChange.NOT_NULL,
        ),
        ch.AlterColumn(T, OLD, Column("amount", "integer"), ch.ColumnChange.DEFAULT),
        ch.AlterColumn(
            T,
            Column("amount", "integer", not_null=True),
            Column("amount", "integer", not_null=True, identity=Identity(always=True, start=5)),
            ch.ColumnChange.IDENTITY,
        ),
        ch.AlterColumn(
            T,
            Column("amount", "integer", identity=Identity()),
            Column("amount", "integer", identity=Identity(always=True, increment=2, cycle=True)),
            ch.ColumnChange.IDENTITY,
        ),
        ch.AlterColumn(T, Column("amount", "integer", identity=Identity()), OLD, ch.ColumnChange.IDENTITY),
        ch.AlterColumn(
            T,
            Column("amount", "integer", generated="1"),
            Column("amount", "integer"),
            ch.ColumnChange.GENERATED,
        ),
        ch.AlterColumn(
            T,
            Column("amount", "integer", generated="1"),
            Column("amount", "integer", generated="2"),
            ch.ColumnChange.GENERATED,
        ),
        ch.AlterColumn(T, Column("n", "text"), Column("n", "text", collation="C"), ch.ColumnChange.COLLATION),
        ch.SetTableLogged(T, True),
        ch.SetTableLogged(T, False),
        ch.SetTableStorage(T, (("autovacuum_vacuum_scale_factor", "0.05"), ("fillfactor", "70"))),
        ch.SetTableStorage(
            T, (("fillfactor", "80"),), (("fillfactor", "70"), ("autovacuum_enabled", "false"))
        ),
        ch.SetTableStorage(T, (), (("fillfactor", "70"),)),
        ch.SetClusterOn(T, "orders_pkey", None, constraint=True),
        ch.SetClusterOn(T, None, "orders_pkey", old_constraint=True),
        ch.SetIndexStatistics(QualifiedName("shop", "orders_lower_idx"), 1, 3000),
        ch.SetIndexStatistics(QualifiedName("shop", "orders_lower_idx"), 2, None, 3000),
        ch.SetColumnStatistics(T, "amount", 1000),
        ch.SetColumnStatistics(T, "amount", None, 1000),
        ch.SetIndexStorage(T, "orders_pkey", (("fillfactor", "70"),)),
        ch.SetIndexStorage(T, "orders_pkey", (("deduplicate_items", "off"),), (("fillfactor", "70"),)),
        ch.SetColumnStorage(T, "note", "external"),
        ch.SetColumnStorage(T, "note", None, "main", "extended"),
        ch.SetColumnStorage(T, "note", None, "main"),
        ch.SetColumnCompression(T, "note", "lz4"),
        ch.SetColumnCompression(T, "note", None, "lz4"),
        ch.SetColumnOptions(T, "amount", (("n_distinct", "-0.5"),)),
        ch.SetColumnOptions(T, "amount", (("n_distinct_inherited", "100"),), (("n_distinct", "-0.5"),)),
        ch.SetReplicaIdentity(T, "full"),
        ch.SetReplicaIdentity(T, "index", "orders_pkey", "nothing", constraint=True),
        ch.SetReplicaIdentity(T, "default", None, "index", "orders_pkey", old_constraint=True),
        ch.AddConstraint(T, fk),
        ch.AddConstraint(T, ForeignKey("orders_x_fkey", ("id",), T, ("id",), not_valid=True, match="FULL")),
        ch.AddConstraint(T, CheckConstraint("orders_amount_check", "amount > 0", not_valid=True)),
        ch.AddConstraint(T, UniqueConstraint("orders_amount_key", ("amount",), include=("id",))),
        ch.DropConstraint(T, fk),
        ch.CreateIndex(index),
        ch.DropIndex(index),
        ch.CreateIndex(index, concurrently=True),
        ch.DropIndex(index, concurrently=True),
        sc.ValidateConstraint(T, "orders_amount_check"),
        sc.AddKeyUsingIndex(T, UniqueConstraint("orders_amount_key", ("amount",), deferrable=True)),
        sc.AddKeyUsingIndex(T, PrimaryKey("Orders_pkey", ("id",))),
        sc.AddNotNullCheck(T, "amount", "Orders_amount_not_null_check"),
        sc.DropNotNullCheck(T, "amount", "Orders_amount_not_null_check"),
        *[
            ch.SetComment(kind, Q("app", "thing"), "it's", member="m", arguments=("integer", "app.status[]"))
            for kind in ch.COMMENT_KINDS
            if kind != "operator"
        ],
        ch.SetComment("operator", Q("app", "~<<"), "it's", arguments=("text", "app.status[]")),
        ch.SetComment("operator", Q("app", "!!"), None, arguments=("NONE", "integer")),
        ch.SetComment("aggregate", Q("app", "cnt"), "Counts."),
        ch.SetComment("event trigger", Q("", "Log it"), "Logs."),
        ch.SetComment("rule", T, "Keeps rows.", member="no delete"),
        ch.SetComment("publication", Q("", "Orders"), "Replicated."),
        ch.SetComment("table", T, None, "old"),
        *[
            ch.SetOwner(
                kind, Q("app", "thing"), "Owner role", "postgres", arguments=("integer", "app.status[]")
            )
            for kind in OWNED_KEYWORDS
        ],
        ch.SetOwner("schema", Q("", "App"), "app_owner", "postgres"),
        ch.SetOwner("event trigger", Q("", "Log it"), "app_owner", "postgres"),
        ch.SetOwner("publication", Q("", "Orders"), "app_owner", "postgres"),
        ch.SetOwner("operator", Q("app", "~<<"), "app_owner", "x", arguments=("text", "app.status[]")),
        ch.SetOwner("operator", Q("app", "!!"), "app_owner", "x", arguments=("NONE", "integer")),
        ch.SetOwner("aggregate", Q("app", "cnt"), "app_owner", "postgres"),
        ch.SetOwner("aggregate", Q("app", "total"), "app_owner", "x", arguments=("numeric",)),
        rc.RenameTable(Q("app", "old orders"), table),
        rc.RenameTable(Q("old", "Orders"), table),
        rc.RenameTable(Q("old", "x"), table),
        rc.RenameColumn(T, "amt", "amount"),
        rc.RenameIndex(Q("app", "old_idx"), Q("app", "Orders_amount_idx")),
        rc.RenameConstraint(T, "old_check", "Orders_amount_check"),
        rc.RenameEnumValue(Q("app", "status"), "it's", "done"),
        rc.RenameObject("TYPE", Q("app", "old status"), Q("app", "Status")),
        rc.RenameObject("DOMAIN", Q("old", "money"), Q("app", "money")),
        rc.RenameObject("SEQUENCE", Q("app", "old_seq"), Q("app", "order_seq")),
        rc.RenameObject("MATERIALIZED VIEW", Q("app", "old_totals"), Q("app", "totals")),
        rc.RenameObject("FUNCTION", Q("app", "old_f"), Q("app", "f"), ("integer", "app.status[]")),
        rc.RenameObject("PROCEDURE", Q("old", "p"), Q("app", "p"), ()),
    ]


def every_code_change() -> list[ch.Change]:
    """Changes covering every class of ``code_changes``."""
    from schemagen.model import (
        DefaultPrivilege,
        Function,
        FunctionArgument,
        Grant,
        Policy,
        ReferenceRows,
        Role,
        Trigger,
        View,
    )
    from schemagen.model import code_changes as cc

    function = Function(
        Q("app", "f"),
        (
            FunctionArgument("a", "integer"),
            FunctionArgument("b", "numeric(12,2)", default="0"),
            FunctionArgument("o", "text", mode="OUT"),
        ),
        returns="text",
        language="plpgsql",
        body="BEGIN o := 'x $body$ y'; END",
        volatility="STABLE",
        strict=True,
        security_definer=True,
        parallel="SAFE",
        search_path="pg_catalog, app",
    )
    table_function = Function(
        Q("app", "rows"), returns_table=(("id", "bigint"), ("Name", "text")), body="SELECT 1::bigint, 'x'"
    )
    setof = Function(Q("app", "all_orders"), returns="SETOF app.Orders", body='SELECT * FROM app."Orders";')
    procedure = Function(
        Q("app", "p"), (FunctionArgument("x", "app.status[]"),), kind="procedure", body="SELECT 1"
    )
    trigger = Trigger(
        "t_audit",
        T,
        Q("app", "log"),
        timing="AFTER",
        events=("INSERT", "UPDATE", "DELETE"),
        update_columns=("amount",),
        for_each_row=True,
        when="NEW.amount IS DISTINCT FROM OLD.amount",
        arguments=("it's", "x"),
    )
    statement_trigger = Trigger(
        "t_stmt", T, Q("app", "log"), events=("INSERT",), for_each_row=False, referencing_new="new_rows"
    )
    constraint_trigger = Trigger(
        "t_check", T, Q("app", "log"), constraint=True, deferrable=True, initially_deferred=True
    )
    view = View(
        Q("app", "v"),
        'SELECT id FROM app."Orders" WHERE amount > 0;',
        columns=("order_id",),
        security_barrier=True,
        security_invoker=True,
        check_option="LOCAL",
    )
    matview = View(Q("app", "mv"), "SELECT 1 AS one", materialized=True, with_data=False)
    policy = Policy(
        "tenant",
        T,
        permissive=False,
        command="SELECT",
        roles=("Reader", "public"),
        using="tenant = current_setting('app.tenant')",
        with_check="true",
    )
    role = Role("Reader", member_of=("base",), inherit=False)
    grants = [
        Grant(grant_on_schema("app"), "Reader", ("USAGE",)),
        Grant(
            GrantTarget(GrantOn.TABLE, QualifiedName("app", "Orders")),
            "Reader",
            ("SELECT", "INSERT"),
            with_grant_option=True,
        ),
        Grant(
            GrantTarget(GrantOn.COLUMN, QualifiedName("app", "Orders")),
            "Reader",
            ("SELECT",),
            columns=("id", "amount"),
        ),
        Grant(GrantTarget(GrantOn.SEQUENCE, QualifiedName("app", "seq")), "public", ("USAGE",)),
        Grant(
            GrantTarget(GrantOn.FUNCTION, QualifiedName("app", "f"), ("integer", "numeric(12,2)")),
            "public",
            ("EXECUTE",),
            revoke=True,
        ),
        Grant(
            GrantTarget(GrantOn.PROCEDURE, QualifiedName("app", "p"), ("app.status[]",)),
            "Reader",
            ("EXECUTE",),
        ),
        Grant(GrantTarget(GrantOn.TYPE, QualifiedName("app", "status")), "Reader", ("USAGE",)),
    ]
    default = DefaultPrivilege("app", "tables", "Reader", ("SELECT",), for_role="Owner")
    rows = ReferenceRows(
        T,
        ("id",),
        (
            (("id", "1"), ("amount", "10")),
            (("id", "2"), ("amount", "'it''s'")),
            (("id", "3"),),
        ),
    )
    return [
        cc.CreateFunction(function),
        cc.CreateFunction(table_function),
        cc.CreateFunction(setof),
        cc.CreateFunction(procedure),
        cc.DropFunction(function),
        cc.DropFunction(procedure),
        cc.ReplaceFunction(function, table_function),
        cc.CreateTrigger(trigger),
        cc.CreateTrigger(statement_trigger),
        cc.CreateTrigger(constraint_trigger),
        cc.DropTrigger(trigger),
        cc.SetTriggerEnabled(replace(trigger, enabled="disabled")),
        cc.SetTriggerEnabled(replace(trigger, enabled="replica"), "disabled"),
        cc.SetTriggerEnabled(trigger, "always"),
        cc.CreateView(view),
        cc.CreateView(matview),
        cc.DropView(view),
        cc.DropView(matview),
        cc.SetRowLevelSecurity(T, True, True),
        cc.SetRowLevelSecurity(T, False, False, True, True),
        cc.CreatePolicy(policy),
        cc.CreatePolicy(Policy("p2", T)),
        cc.DropPolicy(policy),
        cc.CreateRole(role),
        cc.CreateRole(Role("login_role", login=True)),
        cc.AlterRole(role, Role("Reader", login=True, member_of=("other",))),
        cc.CreateRole(Role("admin", login=True, create_role=True, create_db=True, bypass_rls=True)),
        cc.AlterRole(Role("admin"), Role("admin", replication=True, connection_limit=5)),
        *[cc.GrantPrivileges(g) for g in grants],
        *[cc.RevokePrivileges(g) for g in grants],
        cc.GrantDefaultPrivileges(default),
        cc.RevokeDefaultPrivileges(replace(default, for_role=None)),
        cc.UpsertReferenceRows(rows),
        cc.UpsertReferenceRows(ReferenceRows(T, ("id",), ((("id", "1"),),))),
        cc.DeleteReferenceRows(rows),
        *every_support_change(),
        *every_foreign_change(),
        *every_range_change(),
        *every_opclass_change(),
    ]


def every_opclass_change() -> list[ch.Change]:
    """Operator families with loose members, classes in their own family and in another, with storage."""
    from schemagen.model.opclasses import (
        CreateOperatorClass,
        CreateOperatorFamily,
        DropOperatorClass,
        DropOperatorFamily,
        FunctionMember,
        OperatorClass,
        OperatorFamily,
        OperatorMember,
        RenameOperatorClass,
        RenameOperatorFamily,
    )

    cat = "pg_catalog"
    cross = OperatorMember(("integer", "bigint"), 1, Q(cat, "<"))
    family = OperatorFamily(
        Q("app", "Abs Ops"),
        "btree",
        (cross,),
        (FunctionMember(("integer", "bigint"), 1, Q(cat, "btint48cmp"), ("integer", "bigint")),),
    )
    own = OperatorClass(
        Q("app", "int_abs_ops"),
        "btree",
        "integer",
        default=True,
        operators=(OperatorMember(("integer", "integer"), 1, Q("app", "<#")),),
        functions=(FunctionMember(("integer", "integer"), 1, Q("app", "abs_cmp"), ("integer", "integer")),),
    )
    gist = OperatorClass(
        Q("app", "pt_ops"),
        "gist",
        "point",
        family=Q("app", "Abs Ops"),
        storage="box",
        operators=(OperatorMember(("point", "point"), 15, Q(cat, "<->"), order_by=Q(cat, "float_ops")),),
    )
    return [
        CreateOperatorFamily(family),
        CreateOperatorFamily(OperatorFamily(Q("app", "empty"), "hash")),
        DropOperatorFamily(family),
        CreateOperatorClass(own),
        CreateOperatorClass(gist),
        DropOperatorClass(own),
        DropOperatorClass(gist),
        RenameOperatorFamily(Q("other", "old ops"), family),
        RenameOperatorClass(Q("app", "int_old_ops"), own),
        RenameOperatorClass(Q("other", "pt_ops"), gist),
    ]


def every_range_change() -> list[ch.Change]:
    """Range types: plain, and with every option (quoted names, a collation, another schema's multirange)."""
    from schemagen.model.ranges import (
        CreateRangeType,
        DropRangeType,
        RangeType,
        RebuildRangeType,
        RenameRangeType,
    )

    plain = RangeType(Q("app", "floatrange"), "double precision", subtype_diff=Q("pg_catalog", "float8mi"))
    full = RangeType(
        Q("app", "Text Range"),
        "text",
        subtype_opclass=Q("pg_catalog", "text_pattern_ops"),
        collation="C",
        multirange=Q("other", "Text Multi"),
    )
    moved = replace(full, name=Q("other", "Spans"), multirange=Q("app", "spans_multi"))
    renamed = replace(plain, name=Q("app", "score_range"))
    return [
        CreateRangeType(plain),
        CreateRangeType(full),
        DropRangeType(full),
        RenameRangeType(full, moved),
        RenameRangeType(plain, renamed),
        RebuildRangeType(
            plain,
            replace(plain, subtype="numeric", subtype_diff=None),
            (
                (T, Column("during", "app.floatrange", default="app.floatrange(0, 1)")),
                (T, Column("spans", "app.floatmultirange[]")),
            ),
            ((T, CheckConstraint("t_during_check", "NOT isempty(during)")),),
            (Index(Q("app", "t_during_idx"), T, (IndexElement("during"),), using="gist"),),
        ),
    ]


def every_support_change() -> list[ch.Change]:
    """Collations, operators, aggregates and text search objects, with their awkward variants."""
    from schemagen.model import support_changes as su
    from schemagen.model.support import (
        Aggregate,
        Collation,
        EventTrigger,
        Operator,
        Publication,
        PublishedTable,
        Rule,
        Statistics,
        TextSearchConfiguration,
        TextSearchDictionary,
    )

    cat = "pg_catalog"
    collations = [
        Collation(Q("app", "Mixed"), lc_collate="C", lc_ctype="POSIX"),
        Collation(
            Q("app", "ci"), provider="icu", locale="und-u-ks-level2", deterministic=False, rules="&a < b"
        ),
    ]
    operators = [
        Operator(Q("app", "~<<"), "text", Q("app", "reverse match"), left="text"),
        Operator(
            Q("app", "==="),
            "app.Money",
            Q("app", "eq"),
            left="app.Money",
            commutator=Q("app", "==="),
            negator=Q("app", "!=="),
            restrict=Q(cat, "eqsel"),
            join=Q(cat, "eqjoinsel"),
            hashes=True,
            merges=True,
        ),
        Operator(Q("app", "!!"), "integer", Q("app", "fact")),
    ]
    aggregates = [
        Aggregate(Q("app", "median"), ("integer",), Q(cat, "array_append"), "integer[]", initcond="{}"),
        Aggregate(Q("app", "cnt"), (), Q("app", "inc"), "bigint", initcond="0", parallel="SAFE"),
        Aggregate(
            Q("app", "pct"),
            ("double precision",),
            Q("app", "pct_step"),
            "internal",
            order_by=("anyelement",),
            finalfunc=Q("app", "pct_final"),
            finalfunc_extra=True,
            finalfunc_modify="SHAREABLE",
        ),
        Aggregate(
            Q("app", "rank_of"),
            ("text",),
            Q("app", "rank_step"),
            "internal",
            order_by=("text",),
            variadic=True,
            hypothetical=True,
            finalfunc=Q("app", "rank_final"),
        ),
        Aggregate(
            Q("app", "total"),
            ("numeric", "text"),
            Q("app", "add"),
            "internal",
            variadic=True,
            sspace=64,
            combinefunc=Q("app", "merge"),
            serialfunc=Q("app", "ser"),
            deserialfunc=Q("app", "deser"),
            sortop=Q(cat, "<"),
        ),
    ]
    dictionary = TextSearchDictionary(
        Q("app", "english"), Q(cat, "snowball"), (("language", "english"), ("stopwords", "it's"))
    )
    configuration = TextSearchConfiguration(
        Q("app", "plain"),
        Q(cat, "default"),
        (("asciiword", (Q("app", "english"), Q(cat, "simple"))), ("word", (Q(cat, "simple"),))),
    )
    statistics = [
        Statistics(Q("app", "pair"), T, ("id", "amount")),
        Statistics(Q("app", "Mixed"), T, ("id",), ("lower(name)",), ("ndistinct", "mcv"), target=200),
        Statistics(Q("app", "expr"), T, (), ("(id + 1)",)),
    ]
    rules = [
        Rule("no delete", T, "DELETE", instead=True, where="old.id < 10", comment="it's"),
        Rule("log", T, "UPDATE", actions=("INSERT INTO app.log (x) VALUES (new.id)",), enabled="disabled"),
        Rule("both", T, "INSERT", actions=("NOTIFY app_changes", "DELETE FROM app.log"), enabled="always"),
    ]
    publications = [
        Publication(
            "Orders", tables=(PublishedTable(T), PublishedTable(Q("app", "b"), ("id", "x"), "x > 0"))
        ),
        Publication(
            "all", all_tables=True, publish=("insert",), via_partition_root=True, generated_columns=True
        ),
        Publication("schemas", tables=(PublishedTable(T),), schemas=("app", "My Schema")),
        Publication("empty"),
    ]
    event_triggers = [
        EventTrigger("Log it", "ddl_command_end", Q("app", "log"), ("CREATE TABLE", "it's"), "always"),
        EventTrigger("quiet", "sql_drop", Q("app", "log"), enabled="disabled"),
        EventTrigger("plain", "ddl_command_start", Q("app", "log")),
    ]
    return [
        *[su.CreateCollation(c) for c in collations],
        su.DropCollation(collations[0]),
        *[su.CreateOperator(o) for o in operators],
        *[su.DropOperator(o) for o in operators],
        *[su.CreateAggregate(a) for a in aggregates],
        *[su.DropAggregate(a) for a in aggregates],
        su.CreateTextSearchDictionary(dictionary),
        su.CreateTextSearchDictionary(TextSearchDictionary(Q("app", "plain"), Q(cat, "simple"))),
        su.DropTextSearchDictionary(dictionary),
        su.CreateTextSearchConfiguration(configuration),
        su.CreateTextSearchConfiguration(TextSearchConfiguration(Q("app", "bare"), Q(cat, "default"))),
        su.DropTextSearchConfiguration(configuration),
        *[su.CreateStatistics(s) for s in statistics],
        su.DropStatistics(statistics[0]),
        *[su.CreateEventTrigger(t) for t in event_triggers],
        su.DropEventTrigger(event_triggers[0]),
        su.SetEventTriggerEnabled(event_triggers[0], "disabled"),
        su.SetEventTriggerEnabled(event_triggers[1], "replica"),
        su.SetEventTriggerEnabled(event_triggers[2], "always"),
        *[su.CreateRule(r) for r in rules],
        su.DropRule(rules[0]),
        su.SetRuleEnabled(rules[0], "replica"),
        su.SetRuleEnabled(rules[1]),
        su.SetRuleEnabled(rules[2], "disabled"),
        *[su.CreatePublication(p) for p in publications],
        su.DropPublication(publications[0]),
    ]


def every_foreign_change() -> list[ch.Change]:
    """Foreign data wrappers, servers and user mappings: create, alter (options), drop."""
    from schemagen.model import foreign_changes as fc
    from schemagen.model.foreign import (
        ForeignColumn,
        ForeignDataWrapper,
        ForeignServer,
        ForeignTable,
        UserMapping,
    )
    from schemagen.model.objects import CheckConstraint

    wrapper = ForeignDataWrapper(
        "My FDW", Q("app", "h"), Q("pg_catalog", "postgresql_fdw_validator"), (("a", "it's"),)
    )
    bare = ForeignDataWrapper("bare")
    server = ForeignServer("remote", "postgres_fdw", "db", "16", (("dbname", "x"), ("host", "h")))
    plain = ForeignServer("Plain", "bare")
    mapping = UserMapping("app", "remote", (("user", "x"),))
    public = UserMapping("public", "Plain")
    return [
        fc.CreateForeignDataWrapper(wrapper),
        fc.CreateForeignDataWrapper(bare),
        fc.AlterForeignDataWrapper(wrapper, bare),
        fc.AlterForeignDataWrapper(bare, wrapper),
        fc.DropForeignDataWrapper(wrapper),
        fc.CreateServer(server),
        fc.CreateServer(plain),
        fc.AlterServer(
            server, ForeignServer("remote", "postgres_fdw", "db", None, (("host", "g"), ("port", "1")))
        ),
        fc.AlterServer(plain, ForeignServer("Plain", "bare", version="2")),
        fc.DropServer(server),
        fc.RenameServer("remote", "Remote 2"),
        fc.CreateUserMapping(mapping),
        fc.CreateUserMapping(public),
        fc.AlterUserMapping(mapping, UserMapping("app", "remote", (("user", "y"),))),
        fc.AlterUserMapping(public, UserMapping("public", "Plain", (("user", "y"),))),
        fc.DropUserMapping(mapping),
        fc.DropUserMapping(public),
        ch.SetComment("foreign data wrapper", Q("", "bare"), "it's"),
        ch.SetComment("server", Q("", "Plain"), None),
        *every_foreign_table_change(ForeignColumn, ForeignTable, CheckConstraint),
    ]


def every_foreign_table_change(ForeignColumn, ForeignTable, CheckConstraint) -> list[ch.Change]:
    """Foreign tables: create (options, column options, CHECKs), alter every subcommand, drop."""
    from schemagen.model import foreign_changes as fc

    columns = (
        ForeignColumn("id", "bigint", not_null=True, default="0"),
        ForeignColumn("Total", "numeric(12,2)", options=(("column_name", "amount"),)),
        ForeignColumn("name", "text", collation="C"),
    )
    table = ForeignTable(
        Q("app", "Remote"),
        "reports",
        columns,
        (CheckConstraint("positive", '"Total" >= 0'),),
        (("table_name", "o"),),
    )
    changed = ForeignTable(
        Q("app", "Remote"),
        "reports",
        (
            ForeignColumn("id", "integer"),
            ForeignColumn("Total", "numeric(12,2)", options=(("column_name", "sum"),)),
            ForeignColumn("added", "text", default="'x'"),
        ),
        (CheckConstraint("positive", '"Total" > 0', no_inherit=True),),
        (("schema_name", "s"), ("table_name", "p")),
    )
    return [
        fc.CreateForeignTable(table),
        fc.CreateForeignTable(ForeignTable(Q("app", "empty"), "reports")),
        fc.AlterForeignTable(table, changed),
        fc.AlterForeignTable(changed, table),
        fc.DropForeignTable(table),
        ch.SetComment("foreign table", Q("app", "Remote"), "it's"),
    ]
