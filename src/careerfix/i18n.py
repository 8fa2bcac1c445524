"""The interface's own words (labels, headings, messages) in zh and en.

Advice and questions live in the rules pack; this module only holds the chrome around them.
"""

from __future__ import annotations

import os

from careerfix.models.lang import LANGUAGES, Lang

_MESSAGES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    # `careerfix questions` templates (YAML comments)
    "template_intro": (
        "careerfix 答案模板 · {pack} {version}\n"
        "能答的题填上选项值，答不上的留空：留空算「未知」，不算零分。\n"
        "填好后运行：careerfix assess --answers <本文件>",
        "careerfix answers template · {pack} {version}\n"
        "Fill in a value for each question you can answer; leave the rest empty (unknown, not zero).\n"
        "Then run: careerfix assess --answers <this file>",
    ),
    "template_target": (
        "目标岗位（留空则由 careerfix 推荐）：{roles}",
        "target role (empty: careerfix suggests one): {roles}",
    ),
    "template_evidence": (
        "等级 {level} 及以上的回答请写上证明它的结果（指标、数值、时间段）：没有数字的标为「缺数字」，"
        "只写做过几次的标为「只是次数，不是结果」。低于这一级的回答也可以写，会作为记录列在报告里。",
        "For answers at level {level} or above, give the result that proves it (metric, value, "
        "period): with no number the claim is marked unproven, with only a count of things done, "
        "weak. Evidence on lower levels is kept and shown as a note.",
    ),
    "template_multi": ("可多选，写成列表：[a, b]", "several allowed, as a list: [a, b]"),
    "stdout_closed": (
        "标准输出已关闭，报告无法写出；请用 --output 文件",
        "standard output is closed, so the report cannot be written; use --output FILE",
    ),
    "stdout_failed": ("无法写入标准输出：{reason}", "cannot write to standard output: {reason}"),
    # careerfix compare A B
    "raters_title": (
        "同一个人的两份评估：{a} 与 {b}",
        "Two ratings of the same person: {a} and {b}",
    ),
    "raters_no_verdict": ("无法判断", "undetermined"),
    "raters_verdicts_agree": ("两份评估对岗位的判断一致。", "Both ratings describe the same job."),
    "raters_verdicts_differ": (
        "两份评估对岗位的判断不同：先对齐你们说的是哪份工作，再谈能力。",
        "The two ratings describe different jobs: agree on what the work is before comparing skills.",
    ),
    "raters_differ": (
        "相差超过一级的能力项：{n} 项",
        "Competencies rated more than one level apart: {n}",
    ),
    "raters_none_differ": (
        "没有相差超过一级的能力项。",
        "No competency is rated more than one level apart.",
    ),
    "raters_merged": (
        "合并视图：每项能力的两个等级与各自的证据",
        "Merged view: both levels of each competency and each side's evidence",
    ),
    "raters_evidence": ("证据", "Evidence"),
    "raters_legend": (
        "✓ 有结果证明 · ~ 只有次数 · ? 没有数字；? 表示等级未知",
        "✓ proven by a result · ~ only a count · ? no number; a level of ? is unknown",
    ),
    "lang_name": ("中文", "English"),  # each language's own name, for the language menu
    "pack_ok": ("规则包检查通过：{where}", "rules pack is valid: {where}"),
    "pack_problems": ("规则包有 {n} 个问题", "{n} problems in the rules pack"),
    "pack_problems_one": ("规则包有 {n} 个问题", "{n} problem in the rules pack"),
    "modules": ("模块", "Modules"),
    "module": ("模块", "Module"),
    "competencies": ("能力项", "Competencies"),
    "competency": ("能力项", "Competency"),
    "questions": ("题目", "Questions"),
    "priority": ("优先级", "Priority"),
    "base": ("基础模块", "Base"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "roles": ("目标岗位", "Target roles"),
    "role": ("岗位", "Role"),
    "outlook": ("前景", "Outlook"),
    "outlook_favoured": ("看好", "favoured"),
    "outlook_standard": ("一般", "standard"),
    "outlook_fallback": ("保底", "fallback"),
    "outlook_tool": ("工具型", "a tool"),
    "role_direction_favoured": ("方法推荐的方向", "a direction the method favours"),
    "role_direction_tool": (
        "工具型岗位，更适合作为技能",
        "a tool of the trade more than a career base",
    ),
    "role_direction_fallback": ("保底选择，上限低", "a fallback with a low ceiling"),
    "role_reach": ("够得着", "within reach"),
    "role_far": ("还较远", "further off"),
    "role_from_verdict": ("从你现在的工作延伸", "grows from your current work"),
    "role_interests": ("符合你 {n} 项兴趣", "suits {n} of your interests"),
    "role_interests_one": ("符合你 {n} 项兴趣", "suits {n} of your interests"),
    "role_pointed": ("职业建议指向这里", "a career move points here"),
    "levels": ("等级", "Levels"),
    "level": ("等级", "Level"),
    "pack_counts": (
        "岗位判定 {verdicts} 类 · 匹配规则 {findings} 条 · 简历规则 {resume} 条 · 学习行动 {actions} 条 · 题目共 {questions} 道",
        "{verdicts} role verdicts · {findings} fit rules · {resume} resume rules · "
        "{actions} learning actions · {questions} questions in all",
    ),
    "sections": ("问卷分组", "Interview sections"),
    "weight": ("权重", "Weight"),
    "requires": ("要求", "Requires"),
    "source": ("依据", "Sources"),
    "why_skill": (
        "「{role}」要求「{competency}」达到 {required} 级，你现在是 {current} 级。",
        "{role} needs {competency} at level {required}; you are at level {current}.",
    ),
    "why_helps": (
        "「{role}」的核心要求你已达到；「{competency}」到 {required} 级会让你在这个岗位上更有优势（现在 {current} 级）。",
        "You meet the core of {role}; {competency} at level {required} would help in it (now {current}).",
    ),
    "why_beyond": (
        "「{role}」要求的你都已达到。下一步是在「{competency}」上再进一级（现在 {current} 级 → {required} 级）：从做好一件事，走向负责一个数字、搭体系或带人。",
        "You meet everything {role} asks. The next step is one level more in {competency} (now "
        "{current}, then {required}): from doing the work well to owning a number, designing the "
        "system or leading people.",
    ),
    "basics_title": ("先学基础：{modules}", "Learn the basics: {modules}"),
    "why_basics": (
        "这几个基础模块你还刚起步（平均 0–1 级）。用户、内容、活动是所有运营岗位的底子，先打好它，后面的每一步都更省力。",
        "You have barely started in these base modules (average level 0–1). Users, content and "
        "activities are the base of every operations job: learn them first and every later step "
        "gets easier.",
    ),
    "why_basics_little": (
        "你的回答还太少，暂时排不出针对某个岗位的步骤。先学好三个基础模块，这对任何运营岗位都有用。",
        "Too little is answered to plan steps toward a role yet. Start with the three base "
        "modules: every operations job builds on them.",
    ),
    "basics_do": (
        "一门入门课或一本书，加上一个小练习，每个模块一份：",
        "A course or a book and one small exercise for each module:",
    ),
    "plan_soon_title": ("行动计划：接下来 90 天", "Your plan: the next 90 days"),
    "plan_later_title": ("之后（180 天内）", "Later (within 180 days)"),
    "plan_empty": ("未来 90 天没有待办项。", "Nothing is due in the next 90 days."),
    "plan_later_more": (
        "这些项目的具体做法见 --format markdown 或 json。",
        "What to do for each of these: --format markdown or json.",
    ),
    "verdict_between": ("介于两者之间", "between the two"),
    "verdict_unknown_short": ("还判断不了（见下）", "not clear yet (see below)"),
    "summary_job": ("你的岗位", "Your job"),
    "summary_next": ("接下来", "Next"),
    "summary_move": ("最关键的职业动作", "Biggest career move"),
    "summary_move_above": ("就是上面第 {n} 项", "item {n} above"),
    "no_target_why": (
        "还没有：回答太少，或用 --target 指定一个",
        "none yet: too little answered, or pick one with --target",
    ),
    "path_steps": ("还差 {n} 步，涉及 {m} 项能力", "{n} steps on {m} competencies"),
    "path_steps_one": ("还差 {n} 步，涉及 {m} 项能力", "{n} step on {m} competency"),
    "path_known_met": ("已知的核心能力都已达到", "every known core competency met"),
    "path_met": ("核心要求都已达到", "every core competency met"),
    "path_unknown_tail": ("，另有 {n} 项未知", ", {n} unknown"),
    "module_figure": ("平均 {avg} 级 · {score} 分", "avg {avg} · {score}/100"),
    "core_met": ("核心 {met}/{n} 达标", "core {met}/{n} met"),
    "modules_legend": (
        "平均：该模块已答能力项的平均等级（0–4 级）；分：平均等级换算成 0–100。",
        "avg: the average level (0–4) of the module's answered competencies; /100: the same as a "
        "score out of 100.",
    ),
    "core_legend": (
        "核心：目标岗位要求的能力项中，已达标的有几项。",
        "core: of the competencies the target role requires in this module, how many you meet.",
    ),
    "path_title": ("通往「{role}」的最短路径", "The shortest way to {role}"),
    "path_title_none": ("通往目标岗位的路径", "The way to a target role"),
    "path_no_target": (
        "还没有目标岗位，所以这里不评估差距。用 --target 指定一个岗位（careerfix roles 可查看全部），或补答下面的问题让 careerfix 推荐。",
        "There is no target role, so no gaps are judged here. Pick one with --target (see "
        "'careerfix roles'), or answer the questions below and careerfix will suggest one.",
    ),
    "path_lead": (
        "共 {n} 步（每步 = 一项能力提升一级），涉及 {m} 项能力：",
        "{n} steps on {m} competencies (a step is one level of one competency):",
    ),
    "level_from_to": ("{a} 级 → {b} 级", "level {a} → {b}"),
    "plan_ref": ("计划第 {n} 项", "plan item {n}"),
    "path_all_met": (
        "「{role}」要求的核心能力你都已达到。",
        "You meet every core competency {role} requires.",
    ),
    "path_known_met_long": (
        "已知的核心能力都已达到，但还有未作答的（见下）。",
        "Every core competency that is known is met; some are not known yet (below).",
    ),
    "path_met_list": ("已达标：{names}。", "Already met: {names}."),
    "path_unknown_list": (
        "还不知道：{names}。回答它们的题目后，路径才完整。",
        "Not known yet: {names}. Answer their questions to complete the path.",
    ),
    "to_answer_lead": (
        "补答这些问题，计划会更完整（careerfix assess --resume，或填进答案文件）：",
        "Answer these to complete the plan (careerfix assess --resume, or add them to your answers file):",
    ),
    "to_answer_more": (
        "还有 {n} 题，见 --format json 的 to_answer。",
        "{n} more: see to_answer in --format json.",
    ),
    "level_n": ("{n} 级", "level {n}"),
    "evidence_legend_proven": (
        "✓ 有结果：一个指标和它的数值。",
        "✓ proven: a result, a metric and its value.",
    ),
    "evidence_legend_weak": (
        "~ 只是做过的次数，不是结果。",
        "~ weak: a count of things done, not a result.",
    ),
    "evidence_legend_unproven": (
        "? 还缺一个证明结果的数字。",
        "? unproven: still needs a number that proves the result.",
    ),
    "evidence_legend_note": (
        "· 这一级不需要证明，你写下的内容也列在这里。",
        "· this level needs no proof; what you noted is listed too.",
    ),
    "level_result_noted": ("{n} 级，附了结果", "level {n}, a result noted"),
    "level_noted": ("{n} 级，附了说明", "level {n}, noted"),
    "move_in_plan": ("建议的行动见计划第 {n} 项", "what to do: plan item {n}"),
    "kind_basics": ("基础", "basics"),
    "step_now": ("这一步：{a} 级 → {b} 级", "This step: level {a} → {b}"),
    "then_step": ("之后到 {b} 级（{days} 天）", "Then to level {b} ({days} days)"),
    "core_label": ("核心要求", "Core"),
    "helps_label": ("加分项", "Helps"),
    "role_steps": ("还差 {n} 步", "{n} steps"),
    "role_steps_one": ("还差 {n} 步", "{n} step"),
    "average_level": ("平均等级", "Average level"),
    "core_column": ("核心达标", "Core met"),
    "steps_column": ("步数", "Steps"),
    "plan_column": ("计划项", "Plan item"),
    "insufficient_legend_md": (
        "未知：该模块答了的题太少，暂不打分。",
        "unknown: too few of the module's questions are answered to score it.",
    ),
    "roles_legend": (
        "步 = 该岗位核心能力还需提升的等级数；未知 = 还没回答的核心能力项；够得着 = 步数加未知不超过 {n}。"
        "排序：职业建议指向的岗位在前，然后是够得着的，再按方向（推荐、一般、工具型、保底），最后按匹配度（步数、是否从现在的工作延伸、兴趣）。",
        "steps: levels still to climb on the role's core competencies; unknown: core competencies "
        "not answered yet; within reach: steps plus unknowns at most {n}. Order: roles a career "
        "move points to, then those within reach, then by direction (favoured, standard, tool, "
        "fallback), then by fit (steps, growing from your work, interests).",
    ),
    "report_title": ("运营职业诊断报告", "Operations career report"),
    "target": ("目标岗位", "Target role"),
    "target_flag": ("你指定的", "your choice"),
    "target_answers": ("答案文件中指定的", "from your answers"),
    "target_suggested": ("按你的回答推荐", "suggested from your answers"),
    "no_target": ("没有可用的目标岗位", "no target role"),
    "verdict": ("你实际做的是", "What your job really is"),
    "verdict_ambiguous": ("你的工作介于两类之间", "Your job sits between two kinds"),
    "verdict_undetermined": (
        "还判断不了你的岗位类型",
        "Not enough answers to tell your kind of job",
    ),
    "modules_title": ("五大基础模块", "The five base modules"),
    "insufficient": ("数据不足", "insufficient data"),
    "coverage": ("已答 {pct}%", "{pct}% answered"),
    "insufficient_legend": (
        "未知：该模块答了的题太少，暂不打分；补答它的题目后再看。",
        "unknown: too few of the module's questions are answered to score it; answer more of "
        "them and run again.",
    ),
    "no_need": ("不要求", "not required"),
    "current": ("现在", "Now"),
    "required": ("需要", "Needs"),
    "gap": ("差距", "Gap"),
    "unknown": ("未知", "unknown"),
    "no_gaps": (
        "没有能力差距：目标岗位的要求你都达到了。",
        "No gaps: you meet every requirement of the target role.",
    ),
    "unknown_gaps": (
        "另有 {n} 项因未作答无法判断：{names}",
        "{n} more could not be judged (unanswered): {names}",
    ),
    "evidence_title": ("成果证据", "Evidence for your claims"),
    "unproven": ("缺数字", "unproven"),
    "weak": ("只是次数，不是结果", "a count of things done, not a result"),
    "proven": ("有结果", "proven"),
    "noted": ("已记下", "noted"),
    "fit_title": ("公司与上级", "Company and leader"),
    "severity_high": ("高", "high"),
    "severity_medium": ("中", "medium"),
    "severity_low": ("低", "low"),
    "severity_strength": ("优势", "strength"),
    "move": ("建议", "Move"),
    "plan_title": ("行动计划", "Your plan"),
    "plan_more": (
        "另有 {n} 项，见 --format markdown 或 json",
        "{n} more in --format markdown or json",
    ),
    "kind_skill": ("能力", "skill"),
    "kind_career": ("职业", "career"),
    "why": ("原因", "Why"),
    "do": ("做什么", "Do"),
    "proof": ("完成的证据", "Proof"),
    "days": ("{n} 天", "{n} days"),
    "reading": ("参考阅读", "Reading"),
    "resume_title": ("简历建议", "Resume advice"),
    "roles_title": ("适合你的目标岗位", "Target roles that fit you"),
    "role_unknown": ("{n} 项未知", "{n} unknown"),
    "fallback": ("保底选择", "fallback"),
    "sources_title": ("方法依据", "Sources"),
    "sources_note": (
        "方括号里的编号指向上面这些方法依据；运行 careerfix rules source 编号，可以看到一条依据和引用它的全部规则。",
        "The ids in brackets point at these rules of the method; 'careerfix rules source ID' shows "
        "one with every rule that cites it.",
    ),
    "source_unknown": (
        "未知的依据编号「{id}」；这个规则包的依据是 {span}（见 careerfix rules show）",
        "unknown source id '{id}'; the pack's sources are {span} (see 'careerfix rules show')",
    ),
    "source_cited_by": ("引用它的规则（{n} 条）", "Cited by {n} rules"),
    "source_cited_by_one": ("引用它的规则（{n} 条）", "Cited by {n} rule"),
    "source_not_cited": ("没有规则引用它。", "No rule cites it."),
    "sources_list": ("依据", "Sources"),
    "source_rules": ("{n} 条规则", "{n} rules"),
    "source_rules_one": ("{n} 条规则", "{n} rule"),
    "cite_module": ("模块", "module"),
    "cite_competency": ("能力项", "competency"),
    "cite_question": ("题目", "question"),
    "cite_basics": ("基础", "basics"),
    "cite_step": ("学习步骤", "step"),
    "cite_verdict": ("岗位判定", "verdict"),
    "cite_signal": ("判定信号", "signal"),
    "cite_finding": ("匹配规则", "finding"),
    "cite_role": ("目标岗位", "role"),
    "cite_resume_rule": ("简历规则", "resume rule"),
    "cite_proof": ("证据判定", "proof"),
    "cite_hint": ("提示", "hint"),
    "proof_rules": ("什么算成果证据", "what counts as proof of a claim"),
    "level_word": ("级", ""),
    # the interview
    "choose_lang": ("选择语言 / Choose a language", "选择语言 / Choose a language"),
    "intro": (
        "这份问卷问的是你实际做过的事，而不是你觉得自己有多擅长。共 {n} 题，约 {minutes} 分钟。"
        "每答一题都会自动保存，随时可以按 Ctrl-C 退出，下次接着答。拿不准的题选「不确定」：它算作未知，不算零分。",
        "This interview asks what you have actually done, not how good you feel you are. "
        "{n} questions, about {minutes} minutes. Every answer is saved as you go: press Ctrl-C any "
        'time and carry on later. When unsure, pick "Not sure": it counts as unknown, not zero.',
    ),
    "ask_target": ("你想去的目标岗位是？", "Which role are you aiming for?"),
    "suggest_target": ("帮我推荐一个", "Suggest one for me"),
    "progress": (
        "{section} · 第 {k}/{n} 题 · 总进度 {i}/{total}",
        "{section} · question {k} of {n} · {i}/{total} overall",
    ),
    "hint": ("提示", "Tip"),
    "evidence_q": ("证明它的数字（可跳过）", "The number that proves it (optional)"),
    "multi_instruction": (
        "（↑↓ 移动，空格勾选，回车确认）",
        "(↑/↓ to move, Space to tick, Enter to confirm)",
    ),
    "pick_one": (
        "至少选一项；拿不准就选「不确定」",
        'Pick at least one; if unsure, pick "Not sure"',
    ),
    "unsure_alone": (
        "「不确定」不能和其他选项同时选",
        '"Not sure" cannot be combined with other choices',
    ),
    "review_title": ("核对你的回答", "Check your answers"),
    "not_answered": ("（未答）", "(not answered)"),
    "review_action": ("下一步？", "What next?"),
    "review_done": ("没问题，生成报告", "Looks right: show my report"),
    "review_change": ("修改某一题", "Change an answer"),
    "review_pick": ("修改哪一题？", "Which answer do you want to change?"),
    "draft_found": (
        "发现未完成的问卷：已答 {n} 题（保存于 {when}）。",
        "Found an unfinished interview (saved {when}). Answers so far: {n}.",
    ),
    "draft_action": ("要怎么处理？", "What would you like to do?"),
    "draft_resume": ("接着答", "Resume where I stopped"),
    "draft_restart": ("从头开始（丢弃已保存的回答）", "Start over (discard the saved answers)"),
    "draft_discard": ("丢弃并退出", "Discard them and quit"),
    "draft_discarded": ("已丢弃保存的回答。", "The saved answers were discarded."),
    "draft_migrated": (
        "规则包已从 {old} 升级到 {new}：保留了 {kept} 个回答，{dropped} 题需要重新回答。",
        "The rules pack changed from {old} to {new}. Answers kept: {kept}; to answer again: {dropped}.",
    ),
    "interrupted": (
        "已停止。{n} 个回答已保存在 {path}。运行 careerfix assess 即可接着答（或加 --resume）。",
        "Stopped. Answers saved: {n}, in {path}. Run 'careerfix assess' to carry on (or add --resume).",
    ),
    "interrupted_empty": (
        "已停止，还没有回答任何问题，没有保存内容。",
        "Stopped before the first answer: nothing was saved.",
    ),
    "review_back": ("← 返回核对", "← Back to the summary"),
    "no_terminal": (
        "交互问卷需要终端，但标准输入或标准错误不是终端。请用 --answers FILE 提供答案（careerfix questions 可生成模板）。",
        "the interview needs a terminal, but stdin or stderr is not one. Give your answers with "
        "--answers FILE (get a template with 'careerfix questions').",
    ),
    "pack_changed": (
        "这些回答是按规则包 {old} 写的，现在是 {new}：",
        "these answers were written for pack {old}; in {new}: ",
    ),
    "saved_answers": ("答案已保存到 {path}", "answers saved to {path}"),
    "wrote": ("已写入 {path}", "wrote {path}"),
    "file_exists": (
        "{path} 已存在，没有覆盖它；要覆盖，请加上 --force。",
        "{path} already exists and was left as it is; add --force to overwrite it",
    ),
    "cannot_write": ("无法写入 {path}：{reason}", "{path}: cannot write: {reason}"),
    # history (careerfix history, careerfix plan)
    "store_locked": (
        "历史数据库 {path} 被另一个进程锁住，等待后仍未释放：{reason}",
        "the history database {path} is locked by another process and stayed locked: {reason}",
    ),
    "store_readonly": (
        "历史数据库 {path} 是只读的，无法写入：{reason}",
        "the history database {path} is read-only: {reason}",
    ),
    "store_full": (
        "历史数据库 {path} 所在的磁盘已满：{reason}",
        "the disk holding the history database {path} is full: {reason}",
    ),
    "store_corrupt": (
        "历史数据库 {path} 已损坏，或不是 careerfix 的数据库：{reason}。请把它移走或从备份恢复（careerfix 不会改动它）。",
        "the history database {path} is damaged or not a careerfix database: {reason}. Move it "
        "aside or restore a backup (careerfix leaves it as it is).",
    ),
    "store_other": (
        "无法使用历史数据库 {path}：{reason}",
        "cannot use the history database {path}: {reason}",
    ),
    "store_missing": (
        "还没有历史数据库 {path}：完成一次评估后就会有。",
        "there is no history database at {path} yet: it is made by the first assessment.",
    ),
    "store_newer": (
        "历史数据库 {path} 由更新版本的 careerfix 创建（结构版本 {version}，本版本只认识到 {ours}）。请升级 careerfix。",
        "the history database {path} was made by a newer careerfix (schema {version}; this one "
        "knows up to {ours}). Upgrade careerfix.",
    ),
    "store_fallback": (
        "这次评估没有存入历史，报告已照常输出，并另存到 {path}。稍后可用 careerfix history import {path} 补存。",
        "this assessment is not in the history; the report was printed as usual and is also "
        "kept in {path}. Add it later with: careerfix history import {path}",
    ),
    "store_fallback_failed": (
        "这次评估没有存入历史，也无法写入备用文件（{reason}）；报告已在上面输出。",
        "this assessment is not in the history and no fallback file could be written "
        "({reason}); the report above is the only copy.",
    ),
    "history_saved": ("已存入历史：{id}（{person}）", "saved in history as {id} ({person})"),
    "history_bad_id": (
        "{ref} 不是历史记录编号：请用 careerfix history list 里的编号（至少 4 位），或 last、last~1。",
        "{ref} is not a history id: use an id from 'careerfix history list' (4 characters or "
        "more), or last, last~1.",
    ),
    "history_no_such_id": ("历史中没有编号为 {ref} 的评估", "no assessment {ref} in the history"),
    "history_ambiguous_id": (
        "编号 {ref} 对应多条评估：请多写几位",
        "{ref} matches more than one assessment: give more of the id",
    ),
    "history_no_such_last": (
        "{person} 的历史中没有 {ref}",
        "the history of {person} has no {ref}",
    ),
    "history_empty": ("历史中还没有评估", "no assessments in the history yet"),
    "history_more": (
        "另有 {n} 条更早的评估；--limit 0 显示全部",
        "{n} older assessments not shown; --limit 0 shows all",
    ),
    "history_more_one": (
        "另有 {n} 条更早的评估；--limit 0 显示全部",
        "{n} older assessment not shown; --limit 0 shows all",
    ),
    "history_deleted": ("已删除 {id}", "deleted {id}"),
    "history_delete_ask": (
        "删除评估 {id}（{person}，{date}）？",
        "Delete assessment {id} ({person}, {date})?",
    ),
    "history_delete_kept": ("没有删除任何内容", "nothing was deleted"),
    "history_delete_needs_yes": (
        "删除前需要确认：没有终端可以询问，请加上 --yes",
        "deleting needs a confirmation and there is no terminal to ask on: add --yes",
    ),
    "history_imported": (
        "导入 {added} 条，已存在 {skipped} 条",
        "imported {added}, already there {skipped}",
    ),
    "history_import_bad": (
        "{file}:{line}: {field}: 不是 careerfix history export 的记录",
        "{file}:{line}: {field}: not a record of 'careerfix history export'",
    ),
    "history_exported": ("已把 {n} 条评估写入 {path}", "wrote {n} assessments to {path}"),
    "history_exported_one": ("已把 {n} 条评估写入 {path}", "wrote {n} assessment to {path}"),
    "history_cannot_read": ("无法读取 {path}：{reason}", "{path}: cannot read: {reason}"),
    "history_scored_with": (
        "评估 {id}（{person}，{date}）按规则包 {pack} {version} 计分",
        "assessment {id} ({person}, {date}) was scored with rules pack {pack} {version}",
    ),
    "history_rescored": (
        "当前规则包是 {new}：下面按当前规则包重新计算同样的回答；原始报告可用 --format json 查看。",
        "the current pack is {new}: shown as it scores the same answers now; --format json "
        "prints the stored report.",
    ),
    "history_need_two": (
        "对比需要 {person} 的两次评估，历史中只有 {n} 次",
        "compare needs two assessments of {person}; the history has {n}",
    ),
    "col_id": ("编号", "ID"),
    "col_date": ("日期", "Date"),
    "col_person": ("人员", "Person"),
    "col_verdict": ("岗位判定", "Verdict"),
    "col_target": ("目标岗位", "Target"),
    "col_before": ("之前", "Before"),
    "col_after": ("之后", "After"),
    "col_change": ("变化", "Change"),
    "col_done": ("完成", "Done"),
    "col_item": ("计划项", "Plan item"),
    "col_moved": ("能力有变化吗", "Competency moved"),
    "compare_title": ("{a}（{da}）→ {b}（{db}）", "{a} ({da}) → {b} ({db})"),
    "compare_verdict_changed": ("岗位判定：{before} → {after}", "Verdict: {before} → {after}"),
    "compare_verdict_same": ("岗位判定未变：{verdict}", "Verdict unchanged: {verdict}"),
    "compare_target": ("目标岗位：{before} → {after}", "Target: {before} → {after}"),
    "compare_competencies": ("有变化的能力项", "Competencies that changed"),
    "compare_no_competency_change": ("能力项等级都没有变化", "No competency level changed"),
    "compare_gaps_closed": ("补上的差距", "Gaps closed"),
    "compare_gaps_opened": ("新出现的差距", "Gaps opened"),
    "compare_plan_done": ("已完成的计划项（来自 {id}）", "Plan items done (from {id})"),
    "compare_plan_none": (
        "{id} 的计划项都没有标记为完成（careerfix plan done N）",
        "no plan item of {id} was marked done (careerfix plan done N)",
    ),
    "moved_yes": ("是，{before} → {after}", "yes, {before} → {after}"),
    "moved_no": ("否，仍是 {before}", "no, still {before}"),
    "moved_unknown": ("—", "—"),
    "plan_heading": (
        "{person} 的计划，来自评估 {id}（{date}）：已完成 {done}/{n}",
        "Plan of {person}, from assessment {id} ({date}): {done} of {n} done",
    ),
    "plan_marked": ("第 {rank} 项已标记为完成：{title}", "item {rank} marked done: {title}"),
    "plan_unmarked": (
        "第 {rank} 项已取消完成标记：{title}",
        "item {rank} marked not done: {title}",
    ),
    "plan_no_rank": (
        "评估 {id} 的计划没有第 {rank} 项（共 {n} 项）",
        "the plan of {id} has no item {rank} (it has {n})",
    ),
    "since_last": (
        "上次评估 {id} 的计划中已完成 {n} 项：",
        "Since assessment {id}, plan items done: {n}.",
    ),
    "since_last_item": ("  {rank}. {title}：{moved}", "  {rank}. {title}: {moved}"),
    # help and usage errors
    # interview display and --quick
    "hint_line": ("提示：{text}", "Tip: {text}"),
    "quick_note": (
        "这是简短问卷的结果：{total} 题里只问了 {asked} 题，每个模块只靠一道题判断，等级和计划都比完整问卷粗略。"
        "想看完整结果，请运行 careerfix assess 完整作答。",
        "From the short interview: {asked} of {total} questions, one per module, so levels and "
        "the plan are rougher than after the full interview. For the full picture, run "
        "careerfix assess without --quick.",
    ),
    "intro_quick": (
        "这是简短问卷：先看个大概。它问你手上真正的工作、离公司的核心部门和核心指标有多近，"
        "每个模块只问一题。共 {n} 题，约 {minutes} 分钟。"
        "每答一题都会自动保存，随时可以按 Ctrl-C 退出，下次接着答。拿不准的题选「不确定」：它算作未知，不算零分。",
        "This is the short interview, for a first look: what your job really is, how close it "
        "sits to the company's core department and metric, and one question per module. "
        "{n} questions, about {minutes} minutes. Every answer is saved "
        'as you go: press Ctrl-C any time and carry on later. When unsure, pick "Not sure": it '
        "counts as unknown, not zero.",
    ),
    "quick_with_answers": (
        "--quick 只用于问卷，不能和 --answers 一起用：答案文件里有多少题就按多少题计分。",
        "--quick is for the interview, not with --answers: a file is scored on what it answers.",
    ),
    "select_instruction": ("（↑↓ 移动，回车选定）", "(↑/↓ to move, Enter to choose)"),
    # interview moves, review and pre-fill
    "back_hint": ("Ctrl-B 返回上一题", "Ctrl-B: back"),
    "prefilled": (
        "已预先填好 {n} 个回答，还剩 {m} 题要问。",
        "{n} answers filled in beforehand; {m} questions left to ask.",
    ),
    "from_file": ("（来自答案文件）", "(from the file)"),
    "from_set": ("（来自 --set）", "(from --set)"),
    "review_show_all": ("查看全部回答", "Show all answers"),
    "review_search": (
        "（输入文字筛选，↑↓ 移动，回车选定）",
        "(type to filter, ↑/↓ to move, Enter to choose)",
    ),
    "review_changed": ("已修改：{question}", "Changed: {question}"),
    "review_unchanged": ("没有改动。", "Nothing changed."),
    "review_answer": ("回答：", "Answer: "),
    "review_evidence": ("证明：", "Proof: "),
    "review_none": ("（无）", "(none)"),
    # files: reading, writing, the pack cache
    "output_is_input": (
        "{path} 是这条命令要读取的文件，不能同时写入它（否则原来的内容会丢失）；请换一个输出文件",
        "{path} is read by this command; careerfix will not write over it (its content would be "
        "lost): choose another output file",
    ),
    # drafts, Ctrl-D and signals
    "draft_moved_aside": (
        "保存的问卷草稿无法使用（{reason}），已移到 {path}，没有删除。这次从头开始。",
        "The saved interview draft could not be used ({reason}). It was moved to {path}, "
        "not deleted; this interview starts afresh.",
    ),
    "draft_kept_back": (
        "保存的问卷草稿 {path} 无法使用（{reason}），也无法移开（{why}）：它保持原样，这次的回答不会写到它上面。",
        "The saved interview draft {path} could not be used ({reason}) nor moved aside ({why}). "
        "It is left as it is; this interview will not save over it.",
    ),
    "draft_in_use": (
        "另一个 careerfix 进程（PID {pid}）正在为同一个人进行问卷，草稿是 {path}。"
        "请先完成或停止那个问卷（Ctrl-C），或用 --person NAME 为别人答题。",
        "another careerfix process (pid {pid}) is interviewing the same person, with the draft "
        "{path}. Finish or stop that interview first (Ctrl-C), or use --person NAME for someone else.",
    ),
    "draft_unsaved": (
        "无法把回答保存到 {path}：{reason}。问卷继续，回答保留在内存中，一直到报告。",
        "Cannot save your answers in {path}: {reason}. The interview goes on; your answers are "
        "kept in memory until the report.",
    ),
    "draft_unsaved_end": (
        "这次问卷的回答没能保存到 {path}（{reason}）；它们在上面的报告里。",
        "this interview's answers could not be saved in {path} ({reason}); they are in the report.",
    ),
    "interrupted_unsaved": (
        "已停止。{n} 个回答没能保存到 {path}（{reason}）。为了不丢失，下面是这些回答，"
        "可存成文件后用 careerfix assess --answers FILE 继续：",
        "Stopped. {n} answers could not be saved in {path} ({reason}). So that none is lost, "
        "here they are as an answers file: save them and run 'careerfix assess --answers FILE'.",
    ),
    "evidence_too_long": (
        "太长了：{n} 个字符，最多 {limit} 个。",
        "Too long: {n} characters; the limit is {limit}.",
    ),
    "draft_not_mapping": ("顶层不是一个映射", "the top level is not a mapping"),
    "draft_wrong_type": ("{field}：类型不对（{kind}）", "{field}: wrong type ({kind})"),
    "draft_field_problem": ("{field}：{problem}", "{field}: {problem}"),
    "draft_no_pack": ("草稿没有写明规则包及其版本", "a draft names its pack and version"),
    # answers, data-file and pack-check messages
    "df_too_big": (
        "文件有 {size:,} 字节，上限是 {limit:,} 字节",
        "file is {size:,} bytes; the limit is {limit:,} bytes",
    ),
    "df_input_too_big": (
        "输入有 {size:,} 字节，上限是 {limit:,} 字节",
        "input is {size:,} bytes; the limit is {limit:,} bytes",
    ),
    "df_is_dir": ("这是一个目录，不是文件", "is a directory, not a file"),
    "df_is_device": ("这是一个设备，不是文件", "is a device, not a file"),
    "df_input_over_limit": (
        "输入超过了 {limit:,} 字节的上限",
        "input is more than {limit:,} bytes; that is the limit",
    ),
    "df_stdin": ("无法读取标准输入", "cannot read standard input"),
    "df_not_found": ("找不到文件", "file not found"),
    "df_permission": ("没有读取权限", "permission denied"),
    "df_cannot_read": ("无法读取：{reason}", "cannot read: {reason}"),
    "df_binary": (
        "看起来是二进制文件，不是 YAML 或 JSON 文本",
        "looks like a binary file, not YAML or JSON text",
    ),
    "df_not_utf8": (
        "不是 UTF-8 文本（偏移 {offset} 处的字节 0x{byte:02x}）；请另存为 UTF-8",
        "is not UTF-8 text (byte 0x{byte:02x} at offset {offset}); save it as UTF-8",
    ),
    "df_empty": ("文件是空的", "file is empty"),
    "df_missing": ("缺少必填字段", "missing required field"),
    "df_unknown_field": (
        "未知字段（不在格式定义中，请检查拼写）",
        "unknown field (not part of the schema; check the spelling)",
    ),
    # answers files: shape
    "ans_stdin": ("<stdin>：无法读取标准输入", "<stdin>: cannot read standard input"),
    "ans_top_level": (
        "顶层必须是一个映射，且含有「answers:」字段",
        "the top level must be a mapping with an 'answers:' field",
    ),
    "ans_keys_strings": ("键必须是文本", "Keys should be strings"),
    "ans_string_type": ("应为文本（实际是{got}）", "Input should be a valid string (got {got})"),
    "ans_dict_type": (
        "应为映射（实际是{got}）",
        "Input should be a valid dictionary (got {got})",
    ),
    "ans_literal": ("应为 {expected}", "Input should be {expected}"),
    "ans_or": ("{first} 或 {last}", "{first} or {last}"),
    # datafile.describe: what a value was
    "df_nothing": ("空值", "nothing"),
    "df_boolean": ("布尔值 {value}", "a boolean {value}"),
    "df_number": ("数字 {value}", "a number {value}"),
    "df_text": ("文本 {value}", "text {value}"),
    "df_list": ("列表", "a list"),
    "df_mapping": ("映射", "a mapping"),
    "df_type": ("{name} 类型的值", "{name}"),
    # YAML / JSON syntax
    "df_yaml_error": ("YAML 错误：{error}", "YAML error: {error}"),
    "df_yaml_syntax": ("YAML 语法错误：{what}", "YAML syntax error: {what}"),
    "df_yaml_syntax_began": (
        "YAML 语法错误：{what}（该结构从第 {line} 行开始）",
        "YAML syntax error: {what} (the structure began on line {line})",
    ),
    "df_yaml_tag": (
        "已拒绝不安全或未知的 YAML 标签（{problem}）",
        "unsafe or unknown YAML tag rejected ({problem})",
    ),
    "df_alias": (
        "不支持 YAML 锚点和别名（&name / *name）；请把值写出来",
        "YAML anchors and aliases (&name / *name) are not supported; write values out",
    ),
    "df_duplicate_key": (
        "重复的键（第一次出现在第 {line} 行）",
        "duplicate key (first on line {line})",
    ),
    "df_json_syntax": ("JSON 语法错误：{msg}", "JSON syntax error: {msg}"),
    "df_json_deep": ("JSON 嵌套太深", "JSON is nested too deeply"),
    # answers files: against the pack
    "ans_other_pack": (
        "这些答案属于规则包「{theirs}」，但当前规则包是「{ours}」",
        "these answers are for pack '{theirs}', but the rules pack is '{ours}'",
    ),
    "ans_other_version": (
        "这些答案是为规则包 {theirs} 版写的；当前规则包是 {ours} 版，问题 id 可能不同"
        "（运行「careerfix questions」获取新模板）",
        "these answers were written for version {theirs} of the pack; "
        "this pack is {ours} and its question ids may differ "
        "(run 'careerfix questions' for a fresh template)",
    ),
    "ans_unknown_role": (
        "未知角色「{role}」（角色：{roles}）",
        "unknown role '{role}' (roles: {roles})",
    ),
    "ans_unknown_question": ("未知的问题 id{suggest}", "unknown question id{suggest}"),
    "ans_did_you_mean": ("（是不是「{word}」？）", " (did you mean '{word}'?)"),
    "ans_evidence_experience": (
        "只有经验类问题才有证据",
        "evidence belongs to experience questions only",
    ),
    "ans_not_a_choice": (
        "「{value}」不是这里的选项（选项：{choices}）",
        "'{value}' is not a choice here (choices: {choices})",
    ),
    "ans_expected_list": (
        "应为选项值的列表，实际是{got}",
        "expected a list of choice values, got {got}",
    ),
    "ans_expected_choice": ("应为一个选项值，实际是{got}", "expected a choice value, got {got}"),
    "ans_one_choice": (
        "这个问题只取一个选项，不是列表",
        "this question takes one choice, not a list",
    ),
    "ans_choose_one": (
        "至少选择一个值（或「不确定」的值）",
        "choose at least one value (or the 'not sure' value)",
    ),
    "ans_unknown_alone": (
        "「{unknown}」不能和其他选项一起选",
        "'{unknown}' cannot be combined with other choices",
    ),
    "ans_listed_twice": ("有一个值列出了两次", "a value is listed twice"),
    # --set and --target
    "ans_set_form": (
        "--set {pair}：应为 QUESTION=VALUE，例如 --set role.employer=platform",
        "--set {pair}: expected QUESTION=VALUE, e.g. --set role.employer=platform",
    ),
    "ans_set_unknown": (
        "--set {pair}：未知问题「{qid}」{suggest}",
        "--set {pair}: unknown question '{qid}'{suggest}",
    ),
    "ans_set_not_choice": (
        "--set {pair}：「{value}」不是「{qid}」的选项（选项：{choices}）",
        "--set {pair}: '{value}' is not a choice of '{qid}' (choices: {choices})",
    ),
    "ans_target_unknown": (
        "--target：未知角色「{target}」{suggest}；角色：{roles}（见「careerfix roles」）",
        "--target: unknown role '{target}'{suggest}; roles: {roles} (see 'careerfix roles')",
    ),
    # pydantic's standard errors (English equal to pydantic's own text)
    "pd_string_too_short_1": (
        "文本至少应有 {min_length} 个字符",
        "String should have at least {min_length} character",
    ),
    "pd_string_too_short": (
        "文本至少应有 {min_length} 个字符",
        "String should have at least {min_length} characters",
    ),
    "pd_string_too_long_1": (
        "文本最多只能有 {max_length} 个字符",
        "String should have at most {max_length} character",
    ),
    "pd_string_too_long": (
        "文本最多只能有 {max_length} 个字符",
        "String should have at most {max_length} characters",
    ),
    "pd_too_short_1": (
        "{field_type} 至少应有 {min_length} 项，实际是 {actual_length} 项",
        "{field_type} should have at least {min_length} item after validation, not {actual_length}",
    ),
    "pd_too_short": (
        "{field_type} 至少应有 {min_length} 项，实际是 {actual_length} 项",
        "{field_type} should have at least {min_length} items after validation, not {actual_length}",
    ),
    "pd_too_long_1": (
        "{field_type} 最多只能有 {max_length} 项，实际是 {actual_length} 项",
        "{field_type} should have at most {max_length} item after validation, not {actual_length}",
    ),
    "pd_too_long": (
        "{field_type} 最多只能有 {max_length} 项，实际是 {actual_length} 项",
        "{field_type} should have at most {max_length} items after validation, not {actual_length}",
    ),
    "pd_string_pattern_mismatch": (
        "文本应符合模式「{pattern}」",
        "String should match pattern '{pattern}'",
    ),
    "pd_less_than_equal": ("应小于或等于 {le}", "Input should be less than or equal to {le}"),
    "pd_greater_than_equal": ("应大于或等于 {ge}", "Input should be greater than or equal to {ge}"),
    "pd_less_than": ("应小于 {lt}", "Input should be less than {lt}"),
    "pd_greater_than": ("应大于 {gt}", "Input should be greater than {gt}"),
    "pd_literal_error": ("应为 {expected}", "Input should be {expected}"),
    "pd_string_type": ("应为文本", "Input should be a valid string"),
    "pd_int_type": ("应为整数", "Input should be a valid integer"),
    "pd_float_type": ("应为数字", "Input should be a valid number"),
    "pd_bool_type": ("应为布尔值", "Input should be a valid boolean"),
    "pd_list_type": ("应为列表", "Input should be a valid list"),
    "pd_dict_type": ("应为映射", "Input should be a valid dictionary"),
    "pd_int_parsing": (
        "应为整数，无法把文本读成整数",
        "Input should be a valid integer, unable to parse string as an integer",
    ),
    "pd_float_parsing": (
        "应为数字，无法把文本读成数字",
        "Input should be a valid number, unable to parse string as a number",
    ),
    "pd_bool_parsing": (
        "应为布尔值，无法识别输入",
        "Input should be a valid boolean, unable to interpret input",
    ),
    "pd_int_from_float": (
        "应为整数，实际是带小数部分的数字",
        "Input should be a valid integer, got a number with a fractional part",
    ),
    "pd_model_type": (
        "应为映射或 {class_name} 的实例",
        "Input should be a valid dictionary or instance of {class_name}",
    ),
    "pd_got": ("{msg}（实际是{got}）", "{msg} (got {got})"),
    # the custom errors of models/pack.py, by kind (English as written there)
    "pack_choice_value": (
        "选项值只能用小写字母、数字和 _，例如 'owned'",
        "choice value must be lower-case letters, digits and _, e.g. 'owned'",
    ),
    "pack_choice_value_bool": (
        "选项值「{value}」在 YAML 中会被读成布尔值；请换一个词",
        "choice value '{value}' would be read as a boolean in YAML; pick another word",
    ),
    "pack_condition_form": (
        "条件必须恰好含有 all、any、not、question、competency、module、fact 之一",
        "a condition needs exactly one of all, any, not, question, competency, module, fact",
    ),
    "pack_condition_mixed": (
        "all / any / not 不能和测试混用",
        "all / any / not cannot be mixed with a test",
    ),
    "pack_condition_empty": ("all / any 至少需要一项", "all / any needs at least one item"),
    "pack_condition_test": (
        "问题测试必须恰好含有 equals、in、at_least、answered 之一",
        "a question test needs exactly one of equals, in, at_least, answered",
    ),
    "pack_condition_test_form": (
        "{form} 测试只取一个字段：at_least",
        "a {form} test takes exactly one field: at_least",
    ),
    "pack_unknown_level": (
        "「不确定」选项按未知计分，不带等级",
        "a 'not sure' choice is scored as unknown and takes no level",
    ),
    "pack_duplicate_choice": (
        "选项值重复：{dupes}",
        "choice values listed more than once: {dupes}",
    ),
    "pack_unknown_choice": (
        "每个问题都需要恰好一个「不确定」选项（unknown: true）",
        "every question needs exactly one 'not sure' choice (unknown: true)",
    ),
    "pack_missing_competency": (
        "经验类问题必须指明它的能力项",
        "an experience question must name its competency",
    ),
    "pack_missing_hint": (
        "经验类问题需要一条如何在等级间选择的提示",
        "an experience question needs a hint on choosing between levels",
    ),
    "pack_missing_level": (
        "经验类问题的每个选项都需要 0-4 的等级",
        "every choice of an experience question needs a level 0-4",
    ),
    "pack_fact_question": (
        "只有经验类问题才带 competency 或 evidence",
        "only experience questions take competency or evidence",
    ),
    "pack_fact_level": (
        "只有经验类问题的选项才有等级",
        "only experience questions have levels on their choices",
    ),
    "pack_outlook_order": (
        "outlook_order 要把 favoured、standard、tool 和 fallback 各列一次",
        "outlook_order lists favoured, standard, tool and fallback once each",
    ),
    "pack_plan_order": (
        "plan_order 要把 high、basics、skill、medium 和 low 各列一次",
        "plan_order lists high, basics, skill, medium and low once each",
    ),
    "pack_level_scale": ("等级 0 到 4 必须各列一次", "levels must be listed once each, 0 to 4"),
    "pack_core_and_helps": (
        "一个能力项要么是 core，要么是 helps，不能两者都是：{both}",
        "a competency is either core or helps, not both: {both}",
    ),
    # rules pack check
    "rk_not_found": (
        "找不到规则包：{path}{hint} 不是目录",
        "rules pack not found: {path}{hint} is not a directory",
    ),
    "rk_from_env": ("（来自 ${env}）", " (from ${env})"),
    "rk_top_level": ("顶层必须是字段的映射", "the top level must be a mapping of fields"),
    "rk_no_module_file": ("模块缺少文件 {rel}", "no file {rel} for module"),
    "rk_module_not_listed": (
        "模块文件没有列在 {pack_file} 的「modules」下",
        "module file is not listed under 'modules' in {pack_file}",
    ),
    "rk_duplicate_id": (
        "重复的{kind} id「{value}」（另见 {other}）",
        "duplicate {kind} id '{value}' (also in {other})",
    ),
    "rk_module_id_file": (
        "模块 id「{module}」与文件名不符",
        "module id '{module}' does not match file name",
    ),
    "rk_competency_prefix": (
        "能力项 id 必须以「{module}.」开头",
        "competency id must start with '{module}.'",
    ),
    "rk_no_questions": ("模块「{module}」没有问题", "module '{module}' has no questions"),
    "rk_module_experience": (
        "模块文件只放经验类问题",
        "module files hold experience questions",
    ),
    "rk_unknown_competency_in": (
        "模块「{module}」中没有能力项「{competency}」",
        "unknown competency '{competency}' in module '{module}'",
    ),
    "rk_competency_no_question": (
        "能力项「{competency}」没有问题",
        "competency '{competency}' has no question",
    ),
    "rk_experience_in_module": (
        "经验类问题应放在模块文件里",
        "experience questions belong in a module file",
    ),
    "rk_unknown_source": (
        "未知的来源 id「{sid}」（规则包使用 {span}）",
        "unknown source id '{sid}' (the pack uses {span})",
    ),
    "rk_level_range": ("等级必须在 0 到 4 之间", "a level must be between 0 and 4"),
    "rk_cond_unknown_question": (
        "条件引用了未知问题「{qid}」",
        "condition names unknown question '{qid}'",
    ),
    "rk_cond_not_choice": (
        "「{value}」不是问题「{qid}」的选项（选项：{choices}）",
        "'{value}' is not a choice of question '{qid}' (choices: {choices})",
    ),
    "rk_at_least_experience": (
        "at_least 需要经验类问题，而不是「{qid}」",
        "at_least needs an experience question, not '{qid}'",
    ),
    "rk_cond_unknown_competency": (
        "条件引用了未知能力项「{competency}」",
        "condition names unknown competency '{competency}'",
    ),
    "rk_cond_unknown_module": (
        "条件引用了未知模块「{module}」",
        "condition names unknown module '{module}'",
    ),
    "rk_unknown_fact": (
        "未知事实「{fact}」（已知：{known}）",
        "unknown fact '{fact}' (known: {known})",
    ),
    "rk_not_question_here": (
        "「{qid}」不是这个文件里的问题",
        "'{qid}' is not a question in this file",
    ),
    "rk_not_choice_of": ("「{value}」不是「{qid}」的选项", "'{value}' is not a choice of '{qid}'"),
    "rk_unknown_competency": ("未知能力项「{competency}」", "unknown competency '{competency}'"),
    "rk_unknown_verdict": ("未知结论「{verdict}」", "unknown verdict '{verdict}'"),
    "rk_verdict_twice": ("结论「{verdict}」列了两次", "verdict '{verdict}' is listed twice"),
    "rk_tie_order_missing": (
        "tie_order 必须列出每个结论（缺少：{missing}）",
        "tie_order must list every verdict (missing: {missing})",
    ),
    "rk_not_role_question": ("「{qid}」不是角色问题", "'{qid}' is not a role question"),
    "rk_unknown_finding": ("未知发现「{finding}」", "unknown finding '{finding}'"),
    "rk_unknown_role": ("未知角色「{role}」", "unknown role '{role}'"),
    "rk_unknown_question": ("未知问题「{qid}」", "unknown question '{qid}'"),
    "rk_unknown_reading": ("未知阅读 id「{rid}」", "unknown reading id '{rid}'"),
    "rk_step_not_own": (
        "「{competency}」不是模块「{module}」的能力项",
        "'{competency}' is not a competency of module '{module}'",
    ),
    "rk_step_after_default": (
        "「{competency}」升到 {to} 的步骤排在它的默认项（没有「when」的那条）之后，永远不会被选中",
        "a step to {to} for '{competency}' after its default "
        "(the entry without 'when') is never chosen",
    ),
    "rk_step_missing_default": (
        "能力项「{competency}」需要一条没有「when」、升到等级 {to} 的步骤（给其余所有人）",
        "competency '{competency}' needs a step to level {to} without 'when' "
        "(the one for everyone else)",
    ),
    "rk_broken_placeholder": (
        "占位符 {{placeholder}} 有误：{error}",
        "broken {{placeholder}}: {error}",
    ),
    "rk_unknown_placeholder": (
        "未知占位符 {{{name}}}（允许：{allowed}）",
        "unknown placeholder {{{name}}} (allowed: {allowed})",
    ),
    "rk_bad_regex": ("不是有效的正则表达式：{error}", "not a valid regular expression: {error}"),
    "rk_empty_match": (
        "这个模式能匹配空文本，所以会在任何地方匹配",
        "the pattern matches an empty text, so it would match anywhere",
    ),
    "rk_proof_example": (
        "证明模式把这条证据判为 {got}，而不是 {status}",
        "the proof patterns make this evidence {got}, not {status}",
    ),
    "rk_kind_competency": ("能力项", "competency"),
    "rk_kind_question": ("问题", "question"),
    "rk_kind_verdict": ("结论", "verdict"),
    "rk_kind_finding": ("发现", "finding"),
    "rk_kind_role": ("角色", "role"),
    "rk_kind_resume_rule": ("简历规则", "resume rule"),
    "rk_kind_reading": ("阅读", "reading"),
    # history ids in compare; benchmarks
    "compare_no_side": (
        "{ref}：既不是文件，也不是历史记录的编号（如 last、last~1 或 careerfix history list 列出的编号）",
        "{ref}: no such file, and not a history reference (last, last~1 or an id from "
        "'careerfix history list')",
    ),
    "compare_no_side_no_history": (
        "{ref}：没有这个文件，本机也还没有评估历史",
        "{ref}: no such file, and there is no assessment history on this machine yet",
    ),
}


def t(key: str, lang: Lang, **values: object) -> str:
    zh, en = _MESSAGES[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def has_message(key: str) -> bool:
    return key in _MESSAGES


def plural(key: str, lang: Lang, n: int, **values: object) -> str:
    """English needs a singular for 1 ("1 step"); the ``_one`` variant holds it."""
    if n == 1 and key + "_one" in _MESSAGES:
        key += "_one"
    return t(key, lang, n=n, **values)


def join_names(lang: Lang, names: list[str]) -> str:
    """A list of names as one phrase: Chinese enumerates with 、 (commas would read as clauses)."""
    return ("、" if lang == "zh" else ", ").join(names)


def level_text(value: float | None) -> str:
    """A level or gap for people: at most one decimal, no trailing zero; '?' when unknown."""
    if value is None:
        return "?"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def locale_lang() -> Lang | None:
    """The language the environment asks for, or None when it does not say."""
    explicit = os.environ.get("CAREERFIX_LANG", "").strip().lower()
    for lang in LANGUAGES:
        if explicit == lang:
            return lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "").strip().lower()
        if not value:
            continue
        if value.startswith("zh"):
            return "zh"
        if value in {"c", "posix"} or value.startswith(("c.", "posix.")):
            return None
        return "en"
    return None


def lang_in_argv(argv: list[str]) -> Lang | None:
    """The ``--lang`` given on a command line, if any (errors are worded before typer parses)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if arg.startswith("--lang="):
            value = arg[len("--lang=") :]
        value = value.lower() if value is not None else None  # click takes --lang ZH too
        if value in LANGUAGES:
            return value
    return None


def resolve_lang(*choices: Lang | None) -> Lang:
    """The first language given (``--lang``, then e.g. the answers file's), else the
    environment's (CAREERFIX_LANG, the locale), else English. Resolved once, in the CLI."""
    for lang in choices:
        if lang is not None:
            return lang
    return locale_lang() or "en"


# ---------------------------------------------------------------- help pages and usage errors

# The Chinese of every English text that `--help` and click's usage errors show, keyed by the
# English exactly as shown (like a gettext msgid): command docstrings by paragraph (joined to one
# line) or, for a block kept as written (after \b), by line; option and argument help; the
# command list's short helps and section titles; click's own words. A key with {fields} is one of
# click's error messages, matched as a pattern. careerfix.cli_help applies it; English is never
# looked up. tests/test_help_zh.py fails on a shown text without an entry and on a stale entry.
HELP_ZH: dict[str, str] = {
    # click's own words: headings (written with a full-width colon), the extras after an
    # option's help ([default: …; env var: …; required]), the options every command has
    "Usage": "用法",
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
    "Examples:": "示例：",
    "default": "默认",
    "env var": "环境变量",
    "required": "必填",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "显示当前 shell 的补全脚本，可复制使用或自行调整安装方式。"
    ),
    # the root help (cli.HELP, cli.EPILOG) and its command groups (cli.COMMAND_GROUPS)
    "Find out where your operations career really stands, and what to do next.": (
        "看清你的运营职业生涯真正走到了哪一步，以及下一步该做什么。"
    ),
    "careerfix scores what you have actually done against the five base modules of internet "
    "operations (user, content, activity, copywriting, community-group ops), tells you what "
    "kind of job you really hold, and prints a gap report and a plan.": (
        "careerfix 按互联网运营的五个基础模块（用户、内容、活动、文案、社群运营）给你实际做过的事"
        "打分，告诉你手上真正是哪一类工作，并给出差距报告和行动计划。"
    ),
    "Start here:": "从这里开始：",
    "careerfix assess             the interview (about 20 minutes; --quick: 5)": (
        "careerfix assess             问卷（约 20 分钟；--quick：约 5 分钟）"
    ),
    "careerfix assess -a FILE     score a filled-in answers file (YAML or JSON)": (
        "careerfix assess -a FILE     为填好的答案文件打分（YAML 或 JSON）"
    ),
    "careerfix questions          a blank answers file to fill in": (
        "careerfix questions          生成一份待填写的空白答案文件"
    ),
    # "退出码：" is 8 columns wide: 4 spaces line it up with the 12 of "Exit codes: " below
    "Exit codes: 0 ok · 1 bad input · 2 usage · 3 invalid rules pack ·": (
        "退出码：    0 成功 · 1 输入有误 · 2 用法错误 · 3 规则包无效 ·"
    ),
    "4 no terminal for the interview · 5 history database unusable ·": (
        "4 没有可供问卷使用的终端 · 5 历史数据库无法使用 ·"
    ),
    "6 interview already running · 130 interrupted ·": "6 已有问卷在进行 · 130 被中断 ·",
    "141 the reader of the output went away": "141 读取输出的一方已经退出",
    "Every command has examples: careerfix COMMAND --help.": (
        "每个命令都附有示例：careerfix 命令 --help。"
    ),
    "Assess": "评估",
    "Inspect the method": "查看方法",
    "History": "历史",
    "For pack authors": "规则包作者",
    "Other commands": "其他命令",
    # options several commands share
    "Use the rules pack in DIR instead of the shipped one.": "使用 DIR 中的规则包，而不是自带的规则包。",
    "Do not say which files were written (errors and warnings still go to stderr).": (
        "不提示写入了哪些文件（错误和警告仍会输出到标准错误）。"
    ),
    "text (a list) or json (for scripts).": "text（列表）或 json（供脚本使用）。",
    "text (a table) or json (for scripts).": "text（表格）或 json（供脚本使用）。",
    "Whose assessments: a name of your choice (default: your user name).": (
        "查看谁的评估：名字由你自定（默认：你的用户名）。"
    ),
    "The history database file (default: history.sqlite3 in the data directory, "
    "$CAREERFIX_HOME).": "历史数据库文件（默认：数据目录 $CAREERFIX_HOME 中的 history.sqlite3）。",
    "Language of the messages: zh or en. Default: CAREERFIX_LANG, else the locale, else en.": (
        "提示信息的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，都没有则用 en。"
    ),
    # careerfix assess
    "The interview, or score an answers file; print the report.": "做问卷，或为答案文件打分；输出报告。",
    "Score your experience and print the report: role verdict, module bars, gaps, plan.": (
        "为你的经历打分并输出报告：岗位判定、各模块得分条、差距和行动计划。"
    ),
    "Without --answers, an interview starts in the terminal (about 20 minutes; --quick: about "
    "5). Every answer is saved as you go; Ctrl-C stops (exit 130) and the next run offers to "
    "resume.": (
        "不带 --answers 时，会在终端里开始问卷（约 20 分钟；--quick：约 5 分钟）。每答一题都会"
        "自动保存；按 Ctrl-C 可中途退出（退出码 130），下次运行时可以接着答。"
    ),
    "Answers file (YAML or JSON; '-' reads stdin). Without it, the interview starts.": (
        "答案文件（YAML 或 JSON；写 '-' 则从标准输入读取）。不给时开始问卷。"
    ),
    "text (terminal), markdown, or json (for scripts).": (
        "text（终端显示）、markdown 或 json（供脚本使用）。"
    ),
    "Write the report to FILE instead of stdout.": "把报告写入 FILE，而不是标准输出。",
    "Target role id (see 'careerfix roles'). Default: the answers' target, else the best fit.": (
        "目标岗位 id（见 careerfix roles）。默认：答案中的目标岗位，没有则取最匹配的岗位。"
    ),
    "Override one answer: QUESTION=VALUE (repeatable; commas for multi-choice). Wins over the "
    "file.": ("改写一个回答：题目=值（可重复使用；多选题用逗号分隔）。优先于文件中的回答。"),
    "With --answers: start the interview from the file's answers (and --set's), and ask only "
    'what it leaves out or answers "not sure".': (
        "与 --answers 同用：以文件（及 --set）中的回答为起点开始问卷，只问其中没答或答了"
        "「不确定」的题。"
    ),
    "Interview only: continue the saved draft, or discard it and start over. Default: ask when "
    "a draft exists.": (
        "仅用于问卷：接着答已保存的未完成问卷，或丢弃它从头开始。默认：有未完成的问卷时询问你。"
    ),
    "Interview only: the short interview (what your job really is, how close it sits to the "
    "company's core, one question per module) for a first look; the report says what it "
    "leaves out.": (
        "仅用于问卷：简短版问卷（你手上真正的工作、离公司核心有多近，每个模块一题），先大致看一看；"
        "报告会说明省略了哪些内容。"
    ),
    "Also write the final answers to FILE (YAML), for scripted re-runs.": (
        "同时把最终的回答写入 FILE（YAML），方便以后用脚本重新运行。"
    ),
    "Let --save-answers replace an existing FILE (without it careerfix refuses; the report's "
    "--output FILE is always replaced).": (
        "允许 --save-answers 覆盖已有的 FILE（不加时 careerfix 拒绝覆盖；报告的 --output FILE "
        "总是会被覆盖）。"
    ),
    "Print a long text report straight to the terminal (default: through $PAGER, or less, when "
    "stdout is a terminal; PAGER=cat also turns it off).": (
        "把较长的文本报告直接输出到终端（默认：标准输出是终端时，经由 $PAGER 或 less 分页显示；"
        "设 PAGER=cat 也可关闭分页）。"
    ),
    "Who the assessment is about, to keep several people apart in the history and their "
    "interview drafts (default: your user name).": (
        "这次评估的对象，用来在历史记录和未完成的问卷中区分不同的人（默认：你的用户名）。"
    ),
    "Do not keep this assessment in the history.": "不把这次评估存入历史记录。",
    "The history database file (default: in the data directory).": "历史数据库文件（默认：在数据目录中）。",
    "Language of the interview and the report: zh or en. Default: the answers file's lang, "
    "else CAREERFIX_LANG, else the locale, else en.": (
        "问卷和报告的语言：zh 或 en。默认依次取答案文件中的 lang、CAREERFIX_LANG、系统区域设置，"
        "都没有则用 en。"
    ),
    # careerfix questions
    "A fillable answers template: every question and its choices.": "可填写的答案模板：每道题及其选项。",
    "Print a fillable answers template: every question with its id, choices and levels.": (
        "输出一份可填写的答案模板：每道题的 id、选项和对应等级。"
    ),
    "Fill in the values you know (leave the rest empty: they count as unknown, not zero) and "
    "run 'careerfix assess --answers FILE'.": (
        "填上你能答的题（其余留空：留空算作未知，不算零分），然后运行 careerfix assess --answers "
        "FILE。"
    ),
    "yaml (commented, to fill by hand) or json (for scripts).": (
        "yaml（带注释，适合手工填写）或 json（供脚本使用）。"
    ),
    "Write the template to FILE.": "把模板写入 FILE。",
    "Let --output replace an existing FILE (without it careerfix refuses, so a filled-in "
    "template is never lost).": (
        "允许 --output 覆盖已有的 FILE（不加时 careerfix 拒绝覆盖，以免填好的模板丢失）。"
    ),
    "Language of the questions and comments: zh or en. Default: CAREERFIX_LANG, else the "
    "locale, else en.": (
        "题目和注释的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，都没有则用 en。"
    ),
    # careerfix roles
    "The target roles and the levels each one needs.": "各目标岗位及其要求的等级。",
    "List the target roles and the level (0-4) each needs in its core competencies.": (
        "列出各目标岗位，以及每个岗位在核心能力项上要求的等级（0-4）。"
    ),
    "text (one block per role), json or yaml (for scripts).": (
        "text（每个岗位一段）、json 或 yaml（供脚本使用）。"
    ),
    "Language of the role texts: zh or en. Default: CAREERFIX_LANG, else the locale, else en.": (
        "岗位说明的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，都没有则用 en。"
    ),
    # careerfix compare
    "Compare two ratings of one person (self and manager).": "对比同一个人的两份评估（自评与上级评）。",
    "Compare two ratings of one person: a self-assessment and a manager's or mentor's.": (
        "对比同一个人的两份评估：一份自评，一份来自上级或导师。"
    ),
    "Shows where the two differ by more than one level, the two verdicts side by side, and a "
    "merged view with each side's evidence.": (
        "列出两者相差超过一级的能力项，并排给出两份岗位判定，再给出一份合并视图，附上双方各自的证据。"
    ),
    "An answers file, a report JSON or a stored assessment (last, last~1, an id): the first "
    "rater.": "答案文件、报告 JSON 或已存的评估（last、last~1 或 id）：第一位评估者。",
    "The same for the second rater.": "同上，第二位评估者。",
    "Names for the two sides, e.g. self,manager. Default: the file names.": (
        "两方的名称，例如 self,manager。默认：文件名。"
    ),
    "text or json.": "text 或 json。",
    "Score both answers files against this role (see 'careerfix roles').": (
        "按这个岗位为两份答案文件打分（见 careerfix roles）。"
    ),
    "Whose history 'last' and 'last~N' refer to (default: your user name).": (
        "last 和 last~N 指谁的历史记录（默认：你的用户名）。"
    ),
    "The history database to find stored assessments in (default: in the data directory).": (
        "到哪个历史数据库里找已存的评估（默认：在数据目录中）。"
    ),
    "Language of the comparison: zh or en. Default: CAREERFIX_LANG, else the locale, else en.": (
        "对比结果的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，都没有则用 en。"
    ),
    # careerfix schema
    "The JSON Schema of the report or of an answers file.": "报告或答案文件的 JSON Schema。",
    "Print the JSON Schema of the report (or of an answers file), generated from the models.": (
        "输出报告（或答案文件）的 JSON Schema，由数据模型生成。"
    ),
    "report: the JSON of 'assess --format json'; answers: an answers file.": (
        "report：assess --format json 输出的 JSON；answers：答案文件。"
    ),
    # careerfix rules …
    "Inspect and validate a rules pack (the method as data).": "查看和校验规则包（以数据形式写成的方法）。",
    "Validate a rules pack; every problem as file:line:col.": "校验规则包；每个问题以 文件:行:列 列出。",
    "Validate a rules pack and list every problem as file:line:col: field: message.": (
        "校验规则包，并以 文件:行:列: 字段: 说明 的格式列出每个问题。"
    ),
    "Exits 0 when the pack is valid and 3 when it is not (1 when DIR does not exist).": (
        "规则包有效时退出码为 0，无效时为 3（DIR 不存在时为 1）。"
    ),
    "The pack to check. Default: --rules (or its env var), or the shipped pack.": (
        "要检查的规则包。默认：--rules（或其环境变量）指定的规则包，没有则用自带的规则包。"
    ),
    "Language of the summary line on stderr: zh or en. Default: CAREERFIX_LANG, else the "
    "locale, else en.": (
        "标准错误上那行总结的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，"
        "都没有则用 en。"
    ),
    "The model at a glance: modules, competencies, roles.": "模型一览：模块、能力项、岗位。",
    "Show the model at a glance: modules, competencies, target roles, levels, sources.": (
        "一览整个模型：模块、能力项、目标岗位、等级和来源。"
    ),
    "Language of the names and texts: zh or en. Default: CAREERFIX_LANG, else the locale, else "
    "en.": "名称和说明的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，都没有则用 en。",
    "One source of the method and the rules that cite it.": "方法的某一来源，以及引用它的规则。",
    "Show one source of the method and every rule that cites it.": "显示方法的某一来源，以及引用它的每条规则。",
    "The ids in brackets in a report ([S22]) are these sources. Exits 1 when the pack has no "
    "source ID.": "报告中方括号里的编号（如 [S22]）就是这些来源。规则包中没有 ID 这个来源时，退出码为 1。",
    "A source id of the pack, e.g. S22 (all of them: 'careerfix rules show').": (
        "规则包中的来源 id，例如 S22（全部来源见 careerfix rules show）。"
    ),
    "Language of the title and the rules: zh or en. Default: CAREERFIX_LANG, else the locale, "
    "else en.": "标题和规则的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，都没有则用 en。",
    # careerfix history …
    "Past assessments, kept on this machine; what changed.": "保存在本机的历次评估；有哪些变化。",
    "Every completed assessment, kept on this machine: list, show, compare, delete, export, "
    "import.": "保存在本机的每一次完成的评估：列出、查看、对比、删除、导出、导入。",
    "List stored assessments, newest first.": "列出已存的评估，最新的在前。",
    "List stored assessments, newest first: id, date, person, verdict, target, module averages.": (
        "列出已存的评估，最新的在前：id、日期、评估对象、岗位判定、目标岗位、各模块平均分。"
    ),
    "Every person's assessments, not only one's.": "所有人的评估，而不只是一个人的。",
    "Show the newest N (0: all).": "显示最新的 N 条（0：全部）。",
    "Language of the table: zh or en. Default: CAREERFIX_LANG, else the locale, else en.": (
        "表格的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，都没有则用 en。"
    ),
    "Show a stored assessment again, in any format.": "重新显示一次已存的评估，格式任选。",
    "Show a stored assessment again, in any format and language.": "重新显示一次已存的评估，格式和语言任选。",
    "Says which rules pack version scored it. JSON prints the stored report as it was made; "
    "text and Markdown (and JSON in another language) score the stored answers again, with the "
    "same pack version when it is the current one.": (
        "会说明它是用哪个版本的规则包打分的。JSON 原样输出当时保存的报告；text 和 Markdown"
        "（以及换一种语言的 JSON）会用已存的回答重新打分，当前规则包版本相同时即用同一版本。"
    ),
    "An id from 'history list', or last, last~1, …": "history list 中的 id，或 last、last~1 等。",
    "text, markdown, or json (the stored report).": "text、markdown 或 json（当时保存的报告）。",
    "Language of the report: zh or en. Default: the language it was made in.": (
        "报告的语言：zh 或 en。默认：生成报告时所用的语言。"
    ),
    "What changed between two assessments (default: last two).": "两次评估之间的变化（默认：最近两次）。",
    "What changed between two assessments of one person (default: the last two).": (
        "同一个人两次评估之间的变化（默认：最近两次）。"
    ),
    "Module and competency levels, gaps closed and opened, the verdict, and the plan items of "
    "the earlier one marked done (careerfix plan done N) with whether their competency moved.": (
        "包括各模块和能力项的等级、补上和新出现的差距、岗位判定，以及较早那次评估中已标记完成的"
        "计划项（careerfix plan done N）和对应能力项是否有进步。"
    ),
    "Default: last~1.": "默认：last~1。",
    "Default: last.": "默认：last。",
    "Delete one stored assessment (asks first).": "删除一次已存的评估（会先询问）。",
    "Delete one stored assessment (and its plan marks). Asks first, unless --yes.": (
        "删除一次已存的评估（及其计划完成标记）。除非加 --yes，否则会先询问。"
    ),
    "An id, or last, last~1, …": "id，或 last、last~1 等。",
    "Do not ask.": "不询问。",
    "Language of the question and messages: zh or en. Default: CAREERFIX_LANG, else the "
    "locale, else en.": (
        "确认问题和提示信息的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，"
        "都没有则用 en。"
    ),
    "Write stored assessments as JSON Lines, for backup.": "把已存的评估导出为 JSON Lines，用于备份。",
    "Write stored assessments as JSON Lines (one per line, oldest first), for backup or moving.": (
        "把已存的评估导出为 JSON Lines（每行一条，最早的在前），用于备份或迁移。"
    ),
    "'careerfix history import FILE' reads it back; importing the same file twice adds "
    "nothing.": "用 careerfix history import FILE 可以读回；同一个文件导入两次不会重复添加。",
    "Every person's assessments.": "所有人的评估。",
    "Write to FILE instead of stdout.": "写入 FILE，而不是标准输出。",
    "Add the assessments of a JSON Lines export.": "添加 JSON Lines 导出文件中的评估。",
    "Add the assessments of a JSON Lines export; ids already stored are skipped.": (
        "添加 JSON Lines 导出文件中的评估；已存在的 id 会被跳过。"
    ),
    "Every line is checked first: one bad line imports nothing and names the line and field.": (
        "先检查每一行：只要有一行有误就什么都不导入，并指出是哪一行、哪个字段。"
    ),
    "A file of 'history export' ('-': stdin).": "history export 导出的文件（'-'：标准输入）。",
    # careerfix plan …
    "Your latest plan; mark its items done.": "你最新的行动计划；把计划项标为完成。",
    "Show the plan of the latest assessment, with the items marked done.": (
        "显示最近一次评估的行动计划，并标出已完成的项。"
    ),
    "The assessment whose plan (default: the person's last).": "显示哪次评估的计划（默认：这个人最近的一次）。",
    "Language of the plan: zh or en. Default: CAREERFIX_LANG, else the locale, else en.": (
        "计划的语言：zh 或 en。默认依次取 CAREERFIX_LANG、系统区域设置，都没有则用 en。"
    ),
    "Mark plan item N done.": "把第 N 项计划标为完成。",
    "Mark plan item N done (the next 'history compare' shows whether its competency moved).": (
        "把第 N 项计划标为完成（下一次 history compare 会显示对应能力项是否有进步）。"
    ),
    "Mark plan item N not done.": "把第 N 项计划标为未完成。",
    "The item's number in 'careerfix plan'.": "该项在 careerfix plan 中的编号。",
    # click's usage errors: patterns, each {field} standing for any text
    "Error: {message}": "错误：{message}",
    "Try '{command}' for help.": "运行 {command} 查看帮助。",
    "No such option: {name}": "没有这个选项：{name}",
    "No such option: {name} (Possible options: {options})": "没有这个选项：{name}（可能是：{options}）",
    "No such command {name}.": "没有这个命令：{name}。",
    "No such command {name}. Did you mean {names}?": "没有这个命令：{name}。你要的是不是 {names}？",
    "Got unexpected extra argument(s) ({args})": "多出了无法识别的参数：{args}",
    "Missing argument {name}.": "缺少参数 {name}。",
    "Option {name} requires an argument.": "选项 {name} 需要一个值。",
    "Option {name} does not take a value.": "选项 {name} 不接受值。",
    "Invalid value for {name}: {message}": "{name} 的值无效：{message}",
    "Invalid value for {name} (env var: {var}): {message}": (
        "{name}（环境变量 {var}）的值无效：{message}"
    ),
    "{value} is not one of {choices}.": "{value} 不在可选值之中，可选：{choices}。",
    "{value} is not a valid int.": "{value} 不是整数。",
    "{value} is not a valid int range.": "{value} 不是整数。",
    "{value} is not in the range {range}.": "{value} 超出允许的范围 {range}。",
    "File {path} is a directory.": "{path} 是目录，这里要的是文件。",
    "Directory {path} is a file.": "{path} 是文件，这里要的是目录。",
    "File {path} is not readable.": "文件 {path} 不可读。",
    "Directory {path} is not readable.": "目录 {path} 不可读。",
    "Path {path} is not readable.": "路径 {path} 不可读。",
}
