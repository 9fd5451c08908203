/** Chinese (default) interface text. Keys are shared with en.ts. */
export const zhCN = {
  app: {
    title: 'Parley 设备管理', devices: '设备', config: '配置', users: '用户', provisioning: '开通与人员', rollouts: '固件发布', alerts: '告警', audit: '审计日志',
    language: 'English', signOut: '退出', readOnly: '当前角色为只读：不能修改设备、配置或人员。',
  },
  auth: { title: '登录 Parley 设备管理', username: '用户名', password: '密码', submit: '登录', failed: '用户名或密码错误', locked: '尝试次数过多，请稍后再试', unreachable: '无法连接服务器' },
  role: { admin: '管理员', fleet_operator: '设备运维', analyst: '分析员', auditor: '审计员' },
  status: { provisioned: '已开通', active: '使用中', locked: '已锁定', revoked: '已吊销', retired: '已报废' },
  severity: { warning: '警告', critical: '严重' },
  alertKind: { offline: '离线', backlog_growing: '积压增长', flash: '存储将满', battery_low: '电量低', clock_unsynced: '时钟未同步', dropped_audio: '音频丢帧', spool_erase_stalls: '存储擦除卡顿', auth_failures: '认证失败' },
  clock: { synced: '已同步', unsynced: '未同步', stale: '已过期' },
  deviceState: { idle: '空闲', recording: '录音中', muted: '静音', storage_full: '存储已满', low_battery: '电量低', locked: '已锁定' },
  commandKind: {
    start: '开始录音', stop: '停止录音', mute: '静音', unmute: '取消静音', locate: '定位', reboot: '重启', lock: '锁定',
    'wipe-acknowledged': '清除已上传音频', 'wipe-all': '全部擦除（遗失）', 'firmware-update': '固件更新',
  },
  commandState: { queued: '排队中', sent: '已发送', in_progress: '执行中', done: '已完成', expired: '已过期', cancelled: '已取消' },
  commandResult: { ok: '成功', failed: '失败', rejected: '被拒绝', unsupported: '不支持', in_progress: '进行中', expired: '已过期' },
  rolloutState: { running: '进行中', paused: '已暂停', aborted: '已中止', completed: '已完成' },
  rolloutDeviceState: { offered: '待下载', downloading: '下载中', staged: '待应用', applied: '已应用', failed: '失败' },
  scope: { fleet: '全局', branch: '网点', group: '分组', device: '设备', wholeFleet: '全部设备' },
  health: {
    charging: '充电中', online: '在线', offline: '离线', never: '从未上报', battery: '电量', flash: '存储使用率', backlog: '待上传音频', rssi: '信号强度 (RSSI)',
    clock: '时钟状态', dropped: '本次开机丢帧数', minutes: '{{count}} 分钟',
  },
  healthShort: { battery: '电量', flash: '存储', backlog: '积压', rssi: '信号', clock: '时钟', dropped: '丢帧' },
  fleetSort: { id: '按设备 ID', lastSeen: '最近在线优先', battery: '电量最低优先', flash: '存储最满优先', backlog: '积压最多优先' },
  fleet: {
    sort: '排序', title: '设备列表', device: '设备', status: '状态', online: '在线', lastSeen: '最后在线', branch: '网点', staff: '员工', firmware: '固件',
    health: '健康状况', alerts: '告警', search: '搜索设备 ID / 序列号', alertState: '告警状态', anyAlert: '有告警', noAlert: '无告警', total: '共 {{count}} 台',
  },
  device: {
    back: '设备列表', serial: '序列号', hardware: '硬件版本', firmware: '固件版本', created: '创建时间', lastSeen: '最后在线', state: '设备状态',
    boots: '启动次数', uptime: '运行时间', lastError: '最近错误码', eraseStalls: '本次开机存储前台擦除次数', health: '健康状况', telemetry: '遥测趋势', commands: '远程命令', config: '配置',
    placement: '网点与佩戴人', alerts: '本设备告警',
    rotate: '轮换密钥', rotateConfirm: '生成新密钥？旧密钥立即失效，设备需写入新密钥。', rotated: '已生成新密钥',
    revoke: '吊销', revokeConfirm: '吊销后设备将被断开并拒绝连接，确定吗？', revoked: '已吊销',
    retire: '报废', retireConfirm: '报废不可恢复，确定吗？', retired: '已报废', reinstate: '恢复', reinstated: '已恢复',
  },
  charts: { battery: '电量 (%)', flash: '存储使用率 (%)', backlog: '待上传 (分钟)', rssi: '信号 (dBm)', min: '分钟', empty: '该时段没有遥测数据', range: { '1h': '1 小时', '24h': '24 小时', '7d': '7 天' } },
  commands: { kind: '命令', issued: '下发时间', state: '状态', result: '设备回执', cancel: '取消', sent: '已下发：{{kind}}', confirm: '确定要对该设备执行“{{kind}}”吗？' },
  config: {
    profiles: '配置档（全局 → 网点 → 分组 → 设备，逐字段继承）', level: '层级', target: '对象', settings: '设置', editProfile: '编辑', delete: '删除', deleteConfirm: '删除后该层级的设置改为继承，确定吗？', chooseScope: '选择对象',
    driftTitle: '配置未同步的设备', driftHint: '设备上报的已应用版本与应下发的版本不同（设备离线或尚未应用）。', changed: '配置变更时间', appliedAt: '应用时间', fleetHint: '全局配置是所有设备的基础；留空的字段使用固件默认值。',
    wanted: '目标版本', applied: '设备已应用', drift: '未同步', inSync: '已同步', effective: '生效配置', deviceProfile: '设备级配置', inheritsAll: '（全部继承）',
    edit: '修改设备配置', editTitle: '{{scope}}配置：{{id}}', inherit: '继承', inheritHint: '留空的字段继承上一层级（全局 → 网点 → 分组 → 设备）。', saved: '配置已保存，将推送到相关设备',
    wifiNote: '该设备配置包含 Wi-Fi 网络（密码不可读取），请用 badgectl config set 修改。',
  },
  configField: {
    recordingMode: '录音模式', uploadPolicy: '上传策略', bitrate: '码率 (bps)', chunkDurationMs: '分片时长 (ms)', silenceSplitS: '静音切分 (秒)', maxSessionS: '最长会话 (秒)',
    batchIntervalMin: '批量上传间隔 (分钟)', telemetryIntervalS: '遥测间隔 (秒)', utcOffsetMin: 'UTC 偏移 (分钟)', otaConfirmTimeoutMin: '固件确认超时 (分钟)',
  },
  configValue: {
    recordingMode: { 0: '手动', 1: '声控', 2: '按时段' },
    uploadPolicy: { 0: '实时', 1: '批量', 2: '充电时' },
  },
  placement: {
    branch: '网点', noBranch: '无网点', branchSet: '网点已更新', wearer: '当前佩戴人', chooseStaff: '选择员工', assign: '分配', assigned: '已分配', unassign: '解除分配',
    unassigned: '已解除分配', staff: '员工', branchThen: '当时网点', from: '开始', to: '结束', current: '至今',
  },
  provision: {
    create: '新建设备', idOptional: '设备 ID（可选，默认自动生成）', createButton: '创建并生成密钥', import: 'CSV 批量导入',
    importHint: '表头：serial,hardwareRevision[,id][,firmwareVersion]，每行一台设备。', chooseFile: '选择 CSV 文件', importButton: '导入',
    importResult: '导入结果：成功 {{created}}，失败 {{failed}}', line: '行', outcome: '结果', secretOrError: '密钥 / 错误', assign: '把工牌分配给员工',
  },
  secret: { title: '{{id}} 的设备密钥', once: '密钥只显示这一次，请立即写入设备或妥善保存。', done: '我已保存' },
  directory: { groups: '分组', members: '成员设备', deviceId: '设备 ID', addDevice: '加入', branches: '网点', staff: '员工', id: 'ID', name: '名称', region: '区域', created: '创建时间', add: '添加' },
  rollouts: {
    title: '发布计划', releases: '固件版本', new: '新建分阶段发布', version: '版本', minHw: '最低硬件版本', size: '大小', notes: '说明', chooseBundle: '选择固件包',
    upload: '上传', uploaded: '固件已上传', release: '选择固件版本', stages: '阶段 (%)', stagesInvalid: '阶段须为递增的百分比并以 100 结束，如 5, 25, 100',
    branchCohort: '限定网点', groupCohort: '限定分组', threshold: '失败阈值 %', start: '开始发布', started: '发布已开始', cohort: '范围', group: '分组',
    wholeFleet: '全部设备', state: '状态', counts: '设备进度', updated: '更新时间', pause: '暂停', resume: '继续', abort: '中止', abortConfirm: '中止后未下发的设备将不再更新，确定吗？',
    stage: '阶段', stageDone: '已完成', stageWaiting: '未开始', progress: '完成度', deviceState: '设备状态', detail: '详情',
  },
  alerts: {
    title: '告警', device: '设备', kind: '类型', severity: '级别', message: '说明', opened: '产生时间', state: '状态', open: '未解决', resolved: '已解决', all: '全部',
    evaluate: '立即评估', evaluated: '评估完成，未解决告警 {{count}} 条', webhookPending: 'Webhook 待投递 {{count}} 条', webhookClear: 'Webhook 无积压',
    webhookNone: '未配置 Webhook', webhookCounts: '已投递 {{delivered}}，丢弃 {{dropped}}', webhookLastError: '最早一条已尝试 {{attempts}} 次，最近错误：{{error}}',
    webhookHint: '告警变化会 POST 到配置的 Webhook；投递失败的会在下次评估时重试。',
  },
  users: {
    title: '用户与令牌', role: '角色', enabled: '启用', created: '用户已创建', saved: '已保存', passwordRule: '密码至少 12 个字符', resetPassword: '重置密码', resetPasswordOf: '重置 {{id}} 的密码',
    tokenName: '令牌名称', lastUsed: '最近使用', state: '状态', active: '有效', revokedAt: '已吊销 {{at}}', revoke: '吊销', revokeConfirm: '吊销后该令牌立即失效，确定吗？', newToken: '新建 API 令牌',
    tokenTitle: '{{id}} 的 API 令牌', forbidden: '只有管理员可以管理用户。',
  },
  audit: {
    actionFilter: '操作（精确匹配，如 command.issued）',
    title: '审计日志', time: '时间', actor: '操作者', action: '操作', target: '对象', source: '来源', outcome: '结果', details: '详情',
    exportCsv: '导出 CSV', exportJsonl: '导出 JSON Lines', prev: '上一页', next: '下一页', page: '第 {{page}} 页', forbidden: '当前角色不能查看审计日志。',
  },
};

export type Messages = typeof zhCN;
