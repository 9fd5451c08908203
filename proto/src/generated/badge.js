/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $Array = $util.global.Array, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $BigInt = $util.global.BigInt;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const parley = $root.parley = (() => {

    /**
     * Namespace parley.
     * @exports parley
     * @namespace
     */
    const parley = {};

    parley.badge = (function() {

        /**
         * Namespace badge.
         * @memberof parley
         * @namespace
         */
        const badge = {};

        badge.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof parley.badge
             * @namespace
             */
            const v1 = {};

            /**
             * ClockState enum.
             * @name parley.badge.v1.ClockState
             * @enum {number}
             * @property {number} CLOCK_STATE_UNSYNCED=0 CLOCK_STATE_UNSYNCED value
             * @property {number} CLOCK_STATE_SYNCED=1 CLOCK_STATE_SYNCED value
             * @property {number} CLOCK_STATE_STALE=2 CLOCK_STATE_STALE value
             */
            v1.ClockState = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "CLOCK_STATE_UNSYNCED"] = 0;
                values[valuesById[1] = "CLOCK_STATE_SYNCED"] = 1;
                values[valuesById[2] = "CLOCK_STATE_STALE"] = 2;
                return values;
            })();

            /**
             * DeviceState enum.
             * @name parley.badge.v1.DeviceState
             * @enum {number}
             * @property {number} DEVICE_STATE_IDLE=0 DEVICE_STATE_IDLE value
             * @property {number} DEVICE_STATE_RECORDING=1 DEVICE_STATE_RECORDING value
             * @property {number} DEVICE_STATE_MUTED=2 DEVICE_STATE_MUTED value
             * @property {number} DEVICE_STATE_STORAGE_FULL=3 DEVICE_STATE_STORAGE_FULL value
             * @property {number} DEVICE_STATE_LOW_BATTERY=4 DEVICE_STATE_LOW_BATTERY value
             * @property {number} DEVICE_STATE_LOCKED=5 DEVICE_STATE_LOCKED value
             */
            v1.DeviceState = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "DEVICE_STATE_IDLE"] = 0;
                values[valuesById[1] = "DEVICE_STATE_RECORDING"] = 1;
                values[valuesById[2] = "DEVICE_STATE_MUTED"] = 2;
                values[valuesById[3] = "DEVICE_STATE_STORAGE_FULL"] = 3;
                values[valuesById[4] = "DEVICE_STATE_LOW_BATTERY"] = 4;
                values[valuesById[5] = "DEVICE_STATE_LOCKED"] = 5;
                return values;
            })();

            /**
             * Codec enum.
             * @name parley.badge.v1.Codec
             * @enum {number}
             * @property {number} CODEC_OPUS=0 CODEC_OPUS value
             */
            v1.Codec = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "CODEC_OPUS"] = 0;
                return values;
            })();

            v1.CodecParams = (function() {

                /**
                 * Properties of a CodecParams.
                 * @typedef {Object} parley.badge.v1.CodecParams.$Properties
                 * @property {parley.badge.v1.Codec|null} [codec] CodecParams codec
                 * @property {number|null} [sampleRate] CodecParams sampleRate
                 * @property {number|null} [channels] CodecParams channels
                 * @property {number|null} [frameMs] CodecParams frameMs
                 * @property {number|null} [bitrate] CodecParams bitrate
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a CodecParams.
                 * @memberof parley.badge.v1
                 * @interface ICodecParams
                 * @augments parley.badge.v1.CodecParams.$Properties
                 * @deprecated Use parley.badge.v1.CodecParams.$Properties instead.
                 */

                /**
                 * Shape of a CodecParams.
                 * @typedef {parley.badge.v1.CodecParams.$Properties} parley.badge.v1.CodecParams.$Shape
                 */

                /**
                 * Constructs a new CodecParams.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a CodecParams.
                 * @constructor
                 * @param {parley.badge.v1.CodecParams.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const CodecParams = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * CodecParams codec.
                 * @member {parley.badge.v1.Codec} codec
                 * @memberof parley.badge.v1.CodecParams
                 * @instance
                 */
                CodecParams.prototype.codec = 0;

                /**
                 * CodecParams sampleRate.
                 * @member {number} sampleRate
                 * @memberof parley.badge.v1.CodecParams
                 * @instance
                 */
                CodecParams.prototype.sampleRate = 0;

                /**
                 * CodecParams channels.
                 * @member {number} channels
                 * @memberof parley.badge.v1.CodecParams
                 * @instance
                 */
                CodecParams.prototype.channels = 0;

                /**
                 * CodecParams frameMs.
                 * @member {number} frameMs
                 * @memberof parley.badge.v1.CodecParams
                 * @instance
                 */
                CodecParams.prototype.frameMs = 0;

                /**
                 * CodecParams bitrate.
                 * @member {number} bitrate
                 * @memberof parley.badge.v1.CodecParams
                 * @instance
                 */
                CodecParams.prototype.bitrate = 0;

                /**
                 * Creates a new CodecParams instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.CodecParams
                 * @static
                 * @param {parley.badge.v1.CodecParams.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.CodecParams} CodecParams instance
                 * @type {{
                 *   (properties: parley.badge.v1.CodecParams.$Shape): parley.badge.v1.CodecParams & parley.badge.v1.CodecParams.$Shape;
                 *   (properties?: parley.badge.v1.CodecParams.$Properties): parley.badge.v1.CodecParams;
                 * }}
                 */
                CodecParams.create = function(properties) {
                    return new CodecParams(properties);
                };

                /**
                 * Encodes the specified CodecParams message. Does not implicitly {@link parley.badge.v1.CodecParams.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.CodecParams
                 * @static
                 * @param {parley.badge.v1.CodecParams.$Properties} message CodecParams message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CodecParams.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.codec != null && $Object.hasOwnProperty.call(message, "codec") && message.codec !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).int32(message.codec);
                    if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate") && message.sampleRate !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.sampleRate);
                    if (message.channels != null && $Object.hasOwnProperty.call(message, "channels") && message.channels !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.channels);
                    if (message.frameMs != null && $Object.hasOwnProperty.call(message, "frameMs") && message.frameMs !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.frameMs);
                    if (message.bitrate != null && $Object.hasOwnProperty.call(message, "bitrate") && message.bitrate !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.bitrate);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a CodecParams message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.CodecParams
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.CodecParams & parley.badge.v1.CodecParams.$Shape} CodecParams
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CodecParams.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.CodecParams();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.codec = value;
                                else
                                    delete message.codec;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.sampleRate = value;
                                else
                                    delete message.sampleRate;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.channels = value;
                                else
                                    delete message.channels;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.frameMs = value;
                                else
                                    delete message.frameMs;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.bitrate = value;
                                else
                                    delete message.bitrate;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a CodecParams message.
                 * @function verify
                 * @memberof parley.badge.v1.CodecParams
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                CodecParams.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.codec != null && $Object.hasOwnProperty.call(message, "codec"))
                        if (typeof message.codec !== "number" || (message.codec | 0) !== message.codec)
                            return "codec: enum value expected";
                    if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate"))
                        if (!$util.isInteger(message.sampleRate))
                            return "sampleRate: integer expected";
                    if (message.channels != null && $Object.hasOwnProperty.call(message, "channels"))
                        if (!$util.isInteger(message.channels))
                            return "channels: integer expected";
                    if (message.frameMs != null && $Object.hasOwnProperty.call(message, "frameMs"))
                        if (!$util.isInteger(message.frameMs))
                            return "frameMs: integer expected";
                    if (message.bitrate != null && $Object.hasOwnProperty.call(message, "bitrate"))
                        if (!$util.isInteger(message.bitrate))
                            return "bitrate: integer expected";
                    return null;
                };

                /**
                 * Creates a CodecParams message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.CodecParams
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.CodecParams} CodecParams
                 */
                CodecParams.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.CodecParams)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.CodecParams: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.CodecParams();
                    if (object.codec !== 0 && (typeof object.codec !== "string" || $root.parley.badge.v1.Codec[object.codec] !== 0))
                        switch (object.codec) {
                        case "CODEC_OPUS":
                        case 0:
                            message.codec = 0;
                            break;
                        default:
                            if (typeof object.codec === "number" && (object.codec | 0) === object.codec)
                                message.codec = object.codec;
                        }
                    if (object.sampleRate != null)
                        if ($Number(object.sampleRate) !== 0)
                            message.sampleRate = object.sampleRate >>> 0;
                    if (object.channels != null)
                        if ($Number(object.channels) !== 0)
                            message.channels = object.channels >>> 0;
                    if (object.frameMs != null)
                        if ($Number(object.frameMs) !== 0)
                            message.frameMs = object.frameMs >>> 0;
                    if (object.bitrate != null)
                        if ($Number(object.bitrate) !== 0)
                            message.bitrate = object.bitrate >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a CodecParams message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.CodecParams
                 * @static
                 * @param {parley.badge.v1.CodecParams} message CodecParams
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                CodecParams.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.codec = options.enums === $String ? "CODEC_OPUS" : 0;
                        object.sampleRate = 0;
                        object.channels = 0;
                        object.frameMs = 0;
                        object.bitrate = 0;
                    }
                    if (message.codec != null && $Object.hasOwnProperty.call(message, "codec"))
                        object.codec = options.enums === $String ? $root.parley.badge.v1.Codec[message.codec] === $undefined ? message.codec : $root.parley.badge.v1.Codec[message.codec] : message.codec;
                    if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate"))
                        object.sampleRate = message.sampleRate;
                    if (message.channels != null && $Object.hasOwnProperty.call(message, "channels"))
                        object.channels = message.channels;
                    if (message.frameMs != null && $Object.hasOwnProperty.call(message, "frameMs"))
                        object.frameMs = message.frameMs;
                    if (message.bitrate != null && $Object.hasOwnProperty.call(message, "bitrate"))
                        object.bitrate = message.bitrate;
                    return object;
                };

                /**
                 * Converts this CodecParams to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.CodecParams
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                CodecParams.prototype.toJSON = function() {
                    return CodecParams.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for CodecParams
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.CodecParams
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                CodecParams.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.CodecParams";
                };

                return CodecParams;
            })();

            v1.SeqRange = (function() {

                /**
                 * Properties of a SeqRange.
                 * @typedef {Object} parley.badge.v1.SeqRange.$Properties
                 * @property {number|null} [first] SeqRange first
                 * @property {number|null} [last] SeqRange last
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SeqRange.
                 * @memberof parley.badge.v1
                 * @interface ISeqRange
                 * @augments parley.badge.v1.SeqRange.$Properties
                 * @deprecated Use parley.badge.v1.SeqRange.$Properties instead.
                 */

                /**
                 * Shape of a SeqRange.
                 * @typedef {parley.badge.v1.SeqRange.$Properties} parley.badge.v1.SeqRange.$Shape
                 */

                /**
                 * Constructs a new SeqRange.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a SeqRange.
                 * @constructor
                 * @param {parley.badge.v1.SeqRange.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const SeqRange = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SeqRange first.
                 * @member {number} first
                 * @memberof parley.badge.v1.SeqRange
                 * @instance
                 */
                SeqRange.prototype.first = 0;

                /**
                 * SeqRange last.
                 * @member {number} last
                 * @memberof parley.badge.v1.SeqRange
                 * @instance
                 */
                SeqRange.prototype.last = 0;

                /**
                 * Creates a new SeqRange instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.SeqRange
                 * @static
                 * @param {parley.badge.v1.SeqRange.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.SeqRange} SeqRange instance
                 * @type {{
                 *   (properties: parley.badge.v1.SeqRange.$Shape): parley.badge.v1.SeqRange & parley.badge.v1.SeqRange.$Shape;
                 *   (properties?: parley.badge.v1.SeqRange.$Properties): parley.badge.v1.SeqRange;
                 * }}
                 */
                SeqRange.create = function(properties) {
                    return new SeqRange(properties);
                };

                /**
                 * Encodes the specified SeqRange message. Does not implicitly {@link parley.badge.v1.SeqRange.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.SeqRange
                 * @static
                 * @param {parley.badge.v1.SeqRange.$Properties} message SeqRange message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SeqRange.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.first != null && $Object.hasOwnProperty.call(message, "first") && message.first !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.first);
                    if (message.last != null && $Object.hasOwnProperty.call(message, "last") && message.last !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.last);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SeqRange message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.SeqRange
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.SeqRange & parley.badge.v1.SeqRange.$Shape} SeqRange
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SeqRange.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.SeqRange();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.first = value;
                                else
                                    delete message.first;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.last = value;
                                else
                                    delete message.last;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a SeqRange message.
                 * @function verify
                 * @memberof parley.badge.v1.SeqRange
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                SeqRange.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.first != null && $Object.hasOwnProperty.call(message, "first"))
                        if (!$util.isInteger(message.first))
                            return "first: integer expected";
                    if (message.last != null && $Object.hasOwnProperty.call(message, "last"))
                        if (!$util.isInteger(message.last))
                            return "last: integer expected";
                    return null;
                };

                /**
                 * Creates a SeqRange message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.SeqRange
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.SeqRange} SeqRange
                 */
                SeqRange.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.SeqRange)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.SeqRange: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.SeqRange();
                    if (object.first != null)
                        if ($Number(object.first) !== 0)
                            message.first = object.first >>> 0;
                    if (object.last != null)
                        if ($Number(object.last) !== 0)
                            message.last = object.last >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a SeqRange message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.SeqRange
                 * @static
                 * @param {parley.badge.v1.SeqRange} message SeqRange
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SeqRange.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.first = 0;
                        object.last = 0;
                    }
                    if (message.first != null && $Object.hasOwnProperty.call(message, "first"))
                        object.first = message.first;
                    if (message.last != null && $Object.hasOwnProperty.call(message, "last"))
                        object.last = message.last;
                    return object;
                };

                /**
                 * Converts this SeqRange to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.SeqRange
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SeqRange.prototype.toJSON = function() {
                    return SeqRange.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for SeqRange
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.SeqRange
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                SeqRange.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.SeqRange";
                };

                return SeqRange;
            })();

            v1.FrameGap = (function() {

                /**
                 * Properties of a FrameGap.
                 * @typedef {Object} parley.badge.v1.FrameGap.$Properties
                 * @property {number|null} [firstFrame] FrameGap firstFrame
                 * @property {number|null} [frameCount] FrameGap frameCount
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a FrameGap.
                 * @memberof parley.badge.v1
                 * @interface IFrameGap
                 * @augments parley.badge.v1.FrameGap.$Properties
                 * @deprecated Use parley.badge.v1.FrameGap.$Properties instead.
                 */

                /**
                 * Shape of a FrameGap.
                 * @typedef {parley.badge.v1.FrameGap.$Properties} parley.badge.v1.FrameGap.$Shape
                 */

                /**
                 * Constructs a new FrameGap.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a FrameGap.
                 * @constructor
                 * @param {parley.badge.v1.FrameGap.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const FrameGap = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * FrameGap firstFrame.
                 * @member {number} firstFrame
                 * @memberof parley.badge.v1.FrameGap
                 * @instance
                 */
                FrameGap.prototype.firstFrame = 0;

                /**
                 * FrameGap frameCount.
                 * @member {number} frameCount
                 * @memberof parley.badge.v1.FrameGap
                 * @instance
                 */
                FrameGap.prototype.frameCount = 0;

                /**
                 * Creates a new FrameGap instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.FrameGap
                 * @static
                 * @param {parley.badge.v1.FrameGap.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.FrameGap} FrameGap instance
                 * @type {{
                 *   (properties: parley.badge.v1.FrameGap.$Shape): parley.badge.v1.FrameGap & parley.badge.v1.FrameGap.$Shape;
                 *   (properties?: parley.badge.v1.FrameGap.$Properties): parley.badge.v1.FrameGap;
                 * }}
                 */
                FrameGap.create = function(properties) {
                    return new FrameGap(properties);
                };

                /**
                 * Encodes the specified FrameGap message. Does not implicitly {@link parley.badge.v1.FrameGap.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.FrameGap
                 * @static
                 * @param {parley.badge.v1.FrameGap.$Properties} message FrameGap message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                FrameGap.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.firstFrame != null && $Object.hasOwnProperty.call(message, "firstFrame") && message.firstFrame !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.firstFrame);
                    if (message.frameCount != null && $Object.hasOwnProperty.call(message, "frameCount") && message.frameCount !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.frameCount);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a FrameGap message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.FrameGap
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.FrameGap & parley.badge.v1.FrameGap.$Shape} FrameGap
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                FrameGap.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.FrameGap();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.firstFrame = value;
                                else
                                    delete message.firstFrame;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.frameCount = value;
                                else
                                    delete message.frameCount;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a FrameGap message.
                 * @function verify
                 * @memberof parley.badge.v1.FrameGap
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                FrameGap.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.firstFrame != null && $Object.hasOwnProperty.call(message, "firstFrame"))
                        if (!$util.isInteger(message.firstFrame))
                            return "firstFrame: integer expected";
                    if (message.frameCount != null && $Object.hasOwnProperty.call(message, "frameCount"))
                        if (!$util.isInteger(message.frameCount))
                            return "frameCount: integer expected";
                    return null;
                };

                /**
                 * Creates a FrameGap message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.FrameGap
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.FrameGap} FrameGap
                 */
                FrameGap.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.FrameGap)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.FrameGap: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.FrameGap();
                    if (object.firstFrame != null)
                        if ($Number(object.firstFrame) !== 0)
                            message.firstFrame = object.firstFrame >>> 0;
                    if (object.frameCount != null)
                        if ($Number(object.frameCount) !== 0)
                            message.frameCount = object.frameCount >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a FrameGap message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.FrameGap
                 * @static
                 * @param {parley.badge.v1.FrameGap} message FrameGap
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                FrameGap.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.firstFrame = 0;
                        object.frameCount = 0;
                    }
                    if (message.firstFrame != null && $Object.hasOwnProperty.call(message, "firstFrame"))
                        object.firstFrame = message.firstFrame;
                    if (message.frameCount != null && $Object.hasOwnProperty.call(message, "frameCount"))
                        object.frameCount = message.frameCount;
                    return object;
                };

                /**
                 * Converts this FrameGap to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.FrameGap
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                FrameGap.prototype.toJSON = function() {
                    return FrameGap.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for FrameGap
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.FrameGap
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                FrameGap.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.FrameGap";
                };

                return FrameGap;
            })();

            v1.Hello = (function() {

                /**
                 * Properties of a Hello.
                 * @typedef {Object} parley.badge.v1.Hello.$Properties
                 * @property {string|null} [deviceId] Hello deviceId
                 * @property {string|null} [firmwareVersion] Hello firmwareVersion
                 * @property {string|null} [hardwareRevision] Hello hardwareRevision
                 * @property {number|null} [bootCount] Hello bootCount
                 * @property {number|null} [uptimeS] Hello uptimeS
                 * @property {parley.badge.v1.ClockState|null} [clockState] Hello clockState
                 * @property {number|null} [configVersion] Hello configVersion
                 * @property {Array.<parley.badge.v1.SessionInventory.$Properties>|null} [backlog] Hello backlog
                 * @property {number|null} [flashUsedBytes] Hello flashUsedBytes
                 * @property {number|null} [flashFreeBytes] Hello flashFreeBytes
                 * @property {number|null} [deviceTimeMs] Hello deviceTimeMs
                 * @property {string|null} [firmwareSlot] Hello firmwareSlot
                 * @property {boolean|null} [firmwarePendingConfirm] Hello firmwarePendingConfirm
                 * @property {number|null} [backlogUnlisted] Hello backlogUnlisted
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Hello.
                 * @memberof parley.badge.v1
                 * @interface IHello
                 * @augments parley.badge.v1.Hello.$Properties
                 * @deprecated Use parley.badge.v1.Hello.$Properties instead.
                 */

                /**
                 * Shape of a Hello.
                 * @typedef {parley.badge.v1.Hello.$Properties} parley.badge.v1.Hello.$Shape
                 */

                /**
                 * Constructs a new Hello.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a Hello.
                 * @constructor
                 * @param {parley.badge.v1.Hello.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Hello = function (properties) {
                    this.backlog = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Hello deviceId.
                 * @member {string} deviceId
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.deviceId = "";

                /**
                 * Hello firmwareVersion.
                 * @member {string} firmwareVersion
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.firmwareVersion = "";

                /**
                 * Hello hardwareRevision.
                 * @member {string} hardwareRevision
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.hardwareRevision = "";

                /**
                 * Hello bootCount.
                 * @member {number} bootCount
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.bootCount = 0;

                /**
                 * Hello uptimeS.
                 * @member {number} uptimeS
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.uptimeS = 0;

                /**
                 * Hello clockState.
                 * @member {parley.badge.v1.ClockState} clockState
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.clockState = 0;

                /**
                 * Hello configVersion.
                 * @member {number} configVersion
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.configVersion = 0;

                /**
                 * Hello backlog.
                 * @member {Array.<parley.badge.v1.SessionInventory.$Properties>} backlog
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.backlog = $util.emptyArray;

                /**
                 * Hello flashUsedBytes.
                 * @member {number} flashUsedBytes
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.flashUsedBytes = 0;

                /**
                 * Hello flashFreeBytes.
                 * @member {number} flashFreeBytes
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.flashFreeBytes = 0;

                /**
                 * Hello deviceTimeMs.
                 * @member {number} deviceTimeMs
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.deviceTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Hello firmwareSlot.
                 * @member {string} firmwareSlot
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.firmwareSlot = "";

                /**
                 * Hello firmwarePendingConfirm.
                 * @member {boolean} firmwarePendingConfirm
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.firmwarePendingConfirm = false;

                /**
                 * Hello backlogUnlisted.
                 * @member {number} backlogUnlisted
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 */
                Hello.prototype.backlogUnlisted = 0;

                /**
                 * Creates a new Hello instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.Hello
                 * @static
                 * @param {parley.badge.v1.Hello.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.Hello} Hello instance
                 * @type {{
                 *   (properties: parley.badge.v1.Hello.$Shape): parley.badge.v1.Hello & parley.badge.v1.Hello.$Shape;
                 *   (properties?: parley.badge.v1.Hello.$Properties): parley.badge.v1.Hello;
                 * }}
                 */
                Hello.create = function(properties) {
                    return new Hello(properties);
                };

                /**
                 * Encodes the specified Hello message. Does not implicitly {@link parley.badge.v1.Hello.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.Hello
                 * @static
                 * @param {parley.badge.v1.Hello.$Properties} message Hello message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Hello.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.deviceId);
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion") && message.firmwareVersion !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.firmwareVersion);
                    if (message.hardwareRevision != null && $Object.hasOwnProperty.call(message, "hardwareRevision") && message.hardwareRevision !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.hardwareRevision);
                    if (message.bootCount != null && $Object.hasOwnProperty.call(message, "bootCount") && message.bootCount !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.bootCount);
                    if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS") && message.uptimeS !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.uptimeS);
                    if (message.clockState != null && $Object.hasOwnProperty.call(message, "clockState") && message.clockState !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).int32(message.clockState);
                    if (message.configVersion != null && $Object.hasOwnProperty.call(message, "configVersion") && message.configVersion !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.configVersion);
                    if (message.backlog != null && message.backlog.length)
                        for (let i = 0; i < message.backlog.length; ++i)
                            $root.parley.badge.v1.SessionInventory.encode(message.backlog[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                    if (message.flashUsedBytes != null && $Object.hasOwnProperty.call(message, "flashUsedBytes") && message.flashUsedBytes !== 0)
                        writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.flashUsedBytes);
                    if (message.flashFreeBytes != null && $Object.hasOwnProperty.call(message, "flashFreeBytes") && message.flashFreeBytes !== 0)
                        writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.flashFreeBytes);
                    if (message.deviceTimeMs != null && $Object.hasOwnProperty.call(message, "deviceTimeMs") && (typeof message.deviceTimeMs === "object" ? message.deviceTimeMs.low || message.deviceTimeMs.high : message.deviceTimeMs !== 0))
                        writer.uint32(/* id 11, wireType 0 =*/88).uint64(message.deviceTimeMs);
                    if (message.firmwareSlot != null && $Object.hasOwnProperty.call(message, "firmwareSlot") && message.firmwareSlot !== "")
                        writer.uint32(/* id 12, wireType 2 =*/98).string(message.firmwareSlot);
                    if (message.firmwarePendingConfirm != null && $Object.hasOwnProperty.call(message, "firmwarePendingConfirm") && message.firmwarePendingConfirm !== false)
                        writer.uint32(/* id 13, wireType 0 =*/104).bool(message.firmwarePendingConfirm);
                    if (message.backlogUnlisted != null && $Object.hasOwnProperty.call(message, "backlogUnlisted") && message.backlogUnlisted !== 0)
                        writer.uint32(/* id 14, wireType 0 =*/112).uint32(message.backlogUnlisted);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Hello message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.Hello
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.Hello & parley.badge.v1.Hello.$Shape} Hello
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Hello.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.Hello();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.deviceId = value;
                                else
                                    delete message.deviceId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.firmwareVersion = value;
                                else
                                    delete message.firmwareVersion;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.hardwareRevision = value;
                                else
                                    delete message.hardwareRevision;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.bootCount = value;
                                else
                                    delete message.bootCount;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.uptimeS = value;
                                else
                                    delete message.uptimeS;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.clockState = value;
                                else
                                    delete message.clockState;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.configVersion = value;
                                else
                                    delete message.configVersion;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.backlog && message.backlog.length))
                                    message.backlog = [];
                                message.backlog.push($root.parley.badge.v1.SessionInventory.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.flashUsedBytes = value;
                                else
                                    delete message.flashUsedBytes;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.flashFreeBytes = value;
                                else
                                    delete message.flashFreeBytes;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.deviceTimeMs = value;
                                else
                                    delete message.deviceTimeMs;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.firmwareSlot = value;
                                else
                                    delete message.firmwareSlot;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.firmwarePendingConfirm = value;
                                else
                                    delete message.firmwarePendingConfirm;
                                continue;
                            }
                        case 14: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.backlogUnlisted = value;
                                else
                                    delete message.backlogUnlisted;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Hello message.
                 * @function verify
                 * @memberof parley.badge.v1.Hello
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Hello.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                        if (!$util.isString(message.deviceId))
                            return "deviceId: string expected";
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion"))
                        if (!$util.isString(message.firmwareVersion))
                            return "firmwareVersion: string expected";
                    if (message.hardwareRevision != null && $Object.hasOwnProperty.call(message, "hardwareRevision"))
                        if (!$util.isString(message.hardwareRevision))
                            return "hardwareRevision: string expected";
                    if (message.bootCount != null && $Object.hasOwnProperty.call(message, "bootCount"))
                        if (!$util.isInteger(message.bootCount))
                            return "bootCount: integer expected";
                    if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS"))
                        if (!$util.isInteger(message.uptimeS))
                            return "uptimeS: integer expected";
                    if (message.clockState != null && $Object.hasOwnProperty.call(message, "clockState"))
                        if (typeof message.clockState !== "number" || (message.clockState | 0) !== message.clockState)
                            return "clockState: enum value expected";
                    if (message.configVersion != null && $Object.hasOwnProperty.call(message, "configVersion"))
                        if (!$util.isInteger(message.configVersion))
                            return "configVersion: integer expected";
                    if (message.backlog != null && $Object.hasOwnProperty.call(message, "backlog")) {
                        if (!$Array.isArray(message.backlog))
                            return "backlog: array expected";
                        for (let i = 0; i < message.backlog.length; ++i) {
                            let error = $root.parley.badge.v1.SessionInventory.verify(message.backlog[i], _depth + 1);
                            if (error)
                                return "backlog." + error;
                        }
                    }
                    if (message.flashUsedBytes != null && $Object.hasOwnProperty.call(message, "flashUsedBytes"))
                        if (!$util.isInteger(message.flashUsedBytes))
                            return "flashUsedBytes: integer expected";
                    if (message.flashFreeBytes != null && $Object.hasOwnProperty.call(message, "flashFreeBytes"))
                        if (!$util.isInteger(message.flashFreeBytes))
                            return "flashFreeBytes: integer expected";
                    if (message.deviceTimeMs != null && $Object.hasOwnProperty.call(message, "deviceTimeMs"))
                        if (!$util.isInteger(message.deviceTimeMs) && !(message.deviceTimeMs && $util.isInteger(message.deviceTimeMs.low) && $util.isInteger(message.deviceTimeMs.high)))
                            return "deviceTimeMs: integer|Long expected";
                    if (message.firmwareSlot != null && $Object.hasOwnProperty.call(message, "firmwareSlot"))
                        if (!$util.isString(message.firmwareSlot))
                            return "firmwareSlot: string expected";
                    if (message.firmwarePendingConfirm != null && $Object.hasOwnProperty.call(message, "firmwarePendingConfirm"))
                        if (typeof message.firmwarePendingConfirm !== "boolean")
                            return "firmwarePendingConfirm: boolean expected";
                    if (message.backlogUnlisted != null && $Object.hasOwnProperty.call(message, "backlogUnlisted"))
                        if (!$util.isInteger(message.backlogUnlisted))
                            return "backlogUnlisted: integer expected";
                    return null;
                };

                /**
                 * Creates a Hello message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.Hello
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.Hello} Hello
                 */
                Hello.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.Hello)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.Hello: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.Hello();
                    if (object.deviceId != null)
                        if (typeof object.deviceId !== "string" || object.deviceId.length)
                            message.deviceId = $String(object.deviceId);
                    if (object.firmwareVersion != null)
                        if (typeof object.firmwareVersion !== "string" || object.firmwareVersion.length)
                            message.firmwareVersion = $String(object.firmwareVersion);
                    if (object.hardwareRevision != null)
                        if (typeof object.hardwareRevision !== "string" || object.hardwareRevision.length)
                            message.hardwareRevision = $String(object.hardwareRevision);
                    if (object.bootCount != null)
                        if ($Number(object.bootCount) !== 0)
                            message.bootCount = object.bootCount >>> 0;
                    if (object.uptimeS != null)
                        if ($Number(object.uptimeS) !== 0)
                            message.uptimeS = object.uptimeS >>> 0;
                    if (object.clockState !== 0 && (typeof object.clockState !== "string" || $root.parley.badge.v1.ClockState[object.clockState] !== 0))
                        switch (object.clockState) {
                        case "CLOCK_STATE_UNSYNCED":
                        case 0:
                            message.clockState = 0;
                            break;
                        case "CLOCK_STATE_SYNCED":
                        case 1:
                            message.clockState = 1;
                            break;
                        case "CLOCK_STATE_STALE":
                        case 2:
                            message.clockState = 2;
                            break;
                        default:
                            if (typeof object.clockState === "number" && (object.clockState | 0) === object.clockState)
                                message.clockState = object.clockState;
                        }
                    if (object.configVersion != null)
                        if ($Number(object.configVersion) !== 0)
                            message.configVersion = object.configVersion >>> 0;
                    if (object.backlog) {
                        if (!$Array.isArray(object.backlog))
                            throw $TypeError(".parley.badge.v1.Hello.backlog: array expected");
                        message.backlog = $Array(object.backlog.length);
                        for (let i = 0; i < object.backlog.length; ++i) {
                            if (!$util.isObject(object.backlog[i]))
                                throw $TypeError(".parley.badge.v1.Hello.backlog: object expected");
                            message.backlog[i] = $root.parley.badge.v1.SessionInventory.fromObject(object.backlog[i], _depth + 1);
                        }
                    }
                    if (object.flashUsedBytes != null)
                        if ($Number(object.flashUsedBytes) !== 0)
                            message.flashUsedBytes = object.flashUsedBytes >>> 0;
                    if (object.flashFreeBytes != null)
                        if ($Number(object.flashFreeBytes) !== 0)
                            message.flashFreeBytes = object.flashFreeBytes >>> 0;
                    if (object.deviceTimeMs != null)
                        if (typeof object.deviceTimeMs === "object" ? object.deviceTimeMs.low || object.deviceTimeMs.high : $Number(object.deviceTimeMs) !== 0)
                            if ($util.Long)
                                message.deviceTimeMs = $util.Long.fromValue(object.deviceTimeMs, true);
                            else if (typeof object.deviceTimeMs === "string")
                                message.deviceTimeMs = $parseInt(object.deviceTimeMs, 10);
                            else if (typeof object.deviceTimeMs === "number")
                                message.deviceTimeMs = object.deviceTimeMs;
                            else if (typeof object.deviceTimeMs === "object")
                                message.deviceTimeMs = new $util.LongBits(object.deviceTimeMs.low >>> 0, object.deviceTimeMs.high >>> 0).toNumber(true);
                    if (object.firmwareSlot != null)
                        if (typeof object.firmwareSlot !== "string" || object.firmwareSlot.length)
                            message.firmwareSlot = $String(object.firmwareSlot);
                    if (object.firmwarePendingConfirm != null)
                        if (object.firmwarePendingConfirm)
                            message.firmwarePendingConfirm = $Boolean(object.firmwarePendingConfirm);
                    if (object.backlogUnlisted != null)
                        if ($Number(object.backlogUnlisted) !== 0)
                            message.backlogUnlisted = object.backlogUnlisted >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a Hello message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.Hello
                 * @static
                 * @param {parley.badge.v1.Hello} message Hello
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Hello.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.backlog = [];
                    if (options.defaults) {
                        object.deviceId = "";
                        object.firmwareVersion = "";
                        object.hardwareRevision = "";
                        object.bootCount = 0;
                        object.uptimeS = 0;
                        object.clockState = options.enums === $String ? "CLOCK_STATE_UNSYNCED" : 0;
                        object.configVersion = 0;
                        object.flashUsedBytes = 0;
                        object.flashFreeBytes = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.deviceTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.deviceTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.firmwareSlot = "";
                        object.firmwarePendingConfirm = false;
                        object.backlogUnlisted = 0;
                    }
                    if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                        object.deviceId = message.deviceId;
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion"))
                        object.firmwareVersion = message.firmwareVersion;
                    if (message.hardwareRevision != null && $Object.hasOwnProperty.call(message, "hardwareRevision"))
                        object.hardwareRevision = message.hardwareRevision;
                    if (message.bootCount != null && $Object.hasOwnProperty.call(message, "bootCount"))
                        object.bootCount = message.bootCount;
                    if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS"))
                        object.uptimeS = message.uptimeS;
                    if (message.clockState != null && $Object.hasOwnProperty.call(message, "clockState"))
                        object.clockState = options.enums === $String ? $root.parley.badge.v1.ClockState[message.clockState] === $undefined ? message.clockState : $root.parley.badge.v1.ClockState[message.clockState] : message.clockState;
                    if (message.configVersion != null && $Object.hasOwnProperty.call(message, "configVersion"))
                        object.configVersion = message.configVersion;
                    if (message.backlog && message.backlog.length) {
                        object.backlog = $Array(message.backlog.length);
                        for (let j = 0; j < message.backlog.length; ++j)
                            object.backlog[j] = $root.parley.badge.v1.SessionInventory.toObject(message.backlog[j], options, _depth + 1);
                    }
                    if (message.flashUsedBytes != null && $Object.hasOwnProperty.call(message, "flashUsedBytes"))
                        object.flashUsedBytes = message.flashUsedBytes;
                    if (message.flashFreeBytes != null && $Object.hasOwnProperty.call(message, "flashFreeBytes"))
                        object.flashFreeBytes = message.flashFreeBytes;
                    if (message.deviceTimeMs != null && $Object.hasOwnProperty.call(message, "deviceTimeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.deviceTimeMs = typeof message.deviceTimeMs === "number" ? $BigInt(message.deviceTimeMs) : $util.Long.fromBits(message.deviceTimeMs.low >>> 0, message.deviceTimeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.deviceTimeMs === "number")
                            object.deviceTimeMs = options.longs === $String ? $String(message.deviceTimeMs) : message.deviceTimeMs;
                        else
                            object.deviceTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.deviceTimeMs) : options.longs === $Number ? new $util.LongBits(message.deviceTimeMs.low >>> 0, message.deviceTimeMs.high >>> 0).toNumber(true) : message.deviceTimeMs;
                    if (message.firmwareSlot != null && $Object.hasOwnProperty.call(message, "firmwareSlot"))
                        object.firmwareSlot = message.firmwareSlot;
                    if (message.firmwarePendingConfirm != null && $Object.hasOwnProperty.call(message, "firmwarePendingConfirm"))
                        object.firmwarePendingConfirm = message.firmwarePendingConfirm;
                    if (message.backlogUnlisted != null && $Object.hasOwnProperty.call(message, "backlogUnlisted"))
                        object.backlogUnlisted = message.backlogUnlisted;
                    return object;
                };

                /**
                 * Converts this Hello to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.Hello
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Hello.prototype.toJSON = function() {
                    return Hello.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Hello
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.Hello
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Hello.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.Hello";
                };

                return Hello;
            })();

            v1.SessionInventory = (function() {

                /**
                 * Properties of a SessionInventory.
                 * @typedef {Object} parley.badge.v1.SessionInventory.$Properties
                 * @property {Uint8Array|null} [sessionId] SessionInventory sessionId
                 * @property {number|null} [firstSeq] SessionInventory firstSeq
                 * @property {number|null} [lastSeq] SessionInventory lastSeq
                 * @property {boolean|null} [closed] SessionInventory closed
                 * @property {boolean|null} [hasChunks] SessionInventory hasChunks
                 * @property {number|null} [sessionAlias] SessionInventory sessionAlias
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SessionInventory.
                 * @memberof parley.badge.v1
                 * @interface ISessionInventory
                 * @augments parley.badge.v1.SessionInventory.$Properties
                 * @deprecated Use parley.badge.v1.SessionInventory.$Properties instead.
                 */

                /**
                 * Shape of a SessionInventory.
                 * @typedef {parley.badge.v1.SessionInventory.$Properties} parley.badge.v1.SessionInventory.$Shape
                 */

                /**
                 * Constructs a new SessionInventory.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a SessionInventory.
                 * @constructor
                 * @param {parley.badge.v1.SessionInventory.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const SessionInventory = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SessionInventory sessionId.
                 * @member {Uint8Array} sessionId
                 * @memberof parley.badge.v1.SessionInventory
                 * @instance
                 */
                SessionInventory.prototype.sessionId = $util.newBuffer([]);

                /**
                 * SessionInventory firstSeq.
                 * @member {number} firstSeq
                 * @memberof parley.badge.v1.SessionInventory
                 * @instance
                 */
                SessionInventory.prototype.firstSeq = 0;

                /**
                 * SessionInventory lastSeq.
                 * @member {number} lastSeq
                 * @memberof parley.badge.v1.SessionInventory
                 * @instance
                 */
                SessionInventory.prototype.lastSeq = 0;

                /**
                 * SessionInventory closed.
                 * @member {boolean} closed
                 * @memberof parley.badge.v1.SessionInventory
                 * @instance
                 */
                SessionInventory.prototype.closed = false;

                /**
                 * SessionInventory hasChunks.
                 * @member {boolean} hasChunks
                 * @memberof parley.badge.v1.SessionInventory
                 * @instance
                 */
                SessionInventory.prototype.hasChunks = false;

                /**
                 * SessionInventory sessionAlias.
                 * @member {number} sessionAlias
                 * @memberof parley.badge.v1.SessionInventory
                 * @instance
                 */
                SessionInventory.prototype.sessionAlias = 0;

                /**
                 * Creates a new SessionInventory instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.SessionInventory
                 * @static
                 * @param {parley.badge.v1.SessionInventory.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.SessionInventory} SessionInventory instance
                 * @type {{
                 *   (properties: parley.badge.v1.SessionInventory.$Shape): parley.badge.v1.SessionInventory & parley.badge.v1.SessionInventory.$Shape;
                 *   (properties?: parley.badge.v1.SessionInventory.$Properties): parley.badge.v1.SessionInventory;
                 * }}
                 */
                SessionInventory.create = function(properties) {
                    return new SessionInventory(properties);
                };

                /**
                 * Encodes the specified SessionInventory message. Does not implicitly {@link parley.badge.v1.SessionInventory.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.SessionInventory
                 * @static
                 * @param {parley.badge.v1.SessionInventory.$Properties} message SessionInventory message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SessionInventory.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.sessionId);
                    if (message.firstSeq != null && $Object.hasOwnProperty.call(message, "firstSeq") && message.firstSeq !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.firstSeq);
                    if (message.lastSeq != null && $Object.hasOwnProperty.call(message, "lastSeq") && message.lastSeq !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.lastSeq);
                    if (message.closed != null && $Object.hasOwnProperty.call(message, "closed") && message.closed !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.closed);
                    if (message.hasChunks != null && $Object.hasOwnProperty.call(message, "hasChunks") && message.hasChunks !== false)
                        writer.uint32(/* id 5, wireType 0 =*/40).bool(message.hasChunks);
                    if (message.sessionAlias != null && $Object.hasOwnProperty.call(message, "sessionAlias") && message.sessionAlias !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.sessionAlias);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SessionInventory message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.SessionInventory
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.SessionInventory & parley.badge.v1.SessionInventory.$Shape} SessionInventory
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SessionInventory.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.SessionInventory();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.firstSeq = value;
                                else
                                    delete message.firstSeq;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.lastSeq = value;
                                else
                                    delete message.lastSeq;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.closed = value;
                                else
                                    delete message.closed;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.hasChunks = value;
                                else
                                    delete message.hasChunks;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.sessionAlias = value;
                                else
                                    delete message.sessionAlias;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a SessionInventory message.
                 * @function verify
                 * @memberof parley.badge.v1.SessionInventory
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                SessionInventory.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        if (!(message.sessionId && typeof message.sessionId.length === "number" || $util.isString(message.sessionId)))
                            return "sessionId: buffer expected";
                    if (message.firstSeq != null && $Object.hasOwnProperty.call(message, "firstSeq"))
                        if (!$util.isInteger(message.firstSeq))
                            return "firstSeq: integer expected";
                    if (message.lastSeq != null && $Object.hasOwnProperty.call(message, "lastSeq"))
                        if (!$util.isInteger(message.lastSeq))
                            return "lastSeq: integer expected";
                    if (message.closed != null && $Object.hasOwnProperty.call(message, "closed"))
                        if (typeof message.closed !== "boolean")
                            return "closed: boolean expected";
                    if (message.hasChunks != null && $Object.hasOwnProperty.call(message, "hasChunks"))
                        if (typeof message.hasChunks !== "boolean")
                            return "hasChunks: boolean expected";
                    if (message.sessionAlias != null && $Object.hasOwnProperty.call(message, "sessionAlias"))
                        if (!$util.isInteger(message.sessionAlias))
                            return "sessionAlias: integer expected";
                    return null;
                };

                /**
                 * Creates a SessionInventory message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.SessionInventory
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.SessionInventory} SessionInventory
                 */
                SessionInventory.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.SessionInventory)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.SessionInventory: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.SessionInventory();
                    if (object.sessionId != null)
                        if (object.sessionId.length)
                            if (typeof object.sessionId === "string")
                                $util.base64.decode(object.sessionId, message.sessionId = $util.newBuffer($util.base64.length(object.sessionId)), 0);
                            else if (object.sessionId.length >= 0)
                                message.sessionId = object.sessionId;
                    if (object.firstSeq != null)
                        if ($Number(object.firstSeq) !== 0)
                            message.firstSeq = object.firstSeq >>> 0;
                    if (object.lastSeq != null)
                        if ($Number(object.lastSeq) !== 0)
                            message.lastSeq = object.lastSeq >>> 0;
                    if (object.closed != null)
                        if (object.closed)
                            message.closed = $Boolean(object.closed);
                    if (object.hasChunks != null)
                        if (object.hasChunks)
                            message.hasChunks = $Boolean(object.hasChunks);
                    if (object.sessionAlias != null)
                        if ($Number(object.sessionAlias) !== 0)
                            message.sessionAlias = object.sessionAlias >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a SessionInventory message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.SessionInventory
                 * @static
                 * @param {parley.badge.v1.SessionInventory} message SessionInventory
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SessionInventory.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        if (options.bytes === $String)
                            object.sessionId = "";
                        else {
                            object.sessionId = [];
                            if (options.bytes !== $Array)
                                object.sessionId = $util.newBuffer(object.sessionId);
                        }
                        object.firstSeq = 0;
                        object.lastSeq = 0;
                        object.closed = false;
                        object.hasChunks = false;
                        object.sessionAlias = 0;
                    }
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        object.sessionId = options.bytes === $String ? $util.base64.encode(message.sessionId, 0, message.sessionId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sessionId) : message.sessionId;
                    if (message.firstSeq != null && $Object.hasOwnProperty.call(message, "firstSeq"))
                        object.firstSeq = message.firstSeq;
                    if (message.lastSeq != null && $Object.hasOwnProperty.call(message, "lastSeq"))
                        object.lastSeq = message.lastSeq;
                    if (message.closed != null && $Object.hasOwnProperty.call(message, "closed"))
                        object.closed = message.closed;
                    if (message.hasChunks != null && $Object.hasOwnProperty.call(message, "hasChunks"))
                        object.hasChunks = message.hasChunks;
                    if (message.sessionAlias != null && $Object.hasOwnProperty.call(message, "sessionAlias"))
                        object.sessionAlias = message.sessionAlias;
                    return object;
                };

                /**
                 * Converts this SessionInventory to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.SessionInventory
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SessionInventory.prototype.toJSON = function() {
                    return SessionInventory.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for SessionInventory
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.SessionInventory
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                SessionInventory.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.SessionInventory";
                };

                return SessionInventory;
            })();

            /**
             * StartTrigger enum.
             * @name parley.badge.v1.StartTrigger
             * @enum {number}
             * @property {number} START_TRIGGER_BUTTON=0 START_TRIGGER_BUTTON value
             * @property {number} START_TRIGGER_VOICE=1 START_TRIGGER_VOICE value
             * @property {number} START_TRIGGER_SCHEDULE=2 START_TRIGGER_SCHEDULE value
             * @property {number} START_TRIGGER_COMMAND=3 START_TRIGGER_COMMAND value
             * @property {number} START_TRIGGER_SPLIT=4 START_TRIGGER_SPLIT value
             */
            v1.StartTrigger = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "START_TRIGGER_BUTTON"] = 0;
                values[valuesById[1] = "START_TRIGGER_VOICE"] = 1;
                values[valuesById[2] = "START_TRIGGER_SCHEDULE"] = 2;
                values[valuesById[3] = "START_TRIGGER_COMMAND"] = 3;
                values[valuesById[4] = "START_TRIGGER_SPLIT"] = 4;
                return values;
            })();

            v1.SessionStart = (function() {

                /**
                 * Properties of a SessionStart.
                 * @typedef {Object} parley.badge.v1.SessionStart.$Properties
                 * @property {Uint8Array|null} [sessionId] SessionStart sessionId
                 * @property {string|null} [staffId] SessionStart staffId
                 * @property {number|null} [startTimeMs] SessionStart startTimeMs
                 * @property {boolean|null} [clockSynced] SessionStart clockSynced
                 * @property {number|null} [monotonicMs] SessionStart monotonicMs
                 * @property {parley.badge.v1.CodecParams.$Properties|null} [codec] SessionStart codec
                 * @property {parley.badge.v1.StartTrigger|null} [trigger] SessionStart trigger
                 * @property {number|null} [bootCount] SessionStart bootCount
                 * @property {number|null} [sessionAlias] SessionStart sessionAlias
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SessionStart.
                 * @memberof parley.badge.v1
                 * @interface ISessionStart
                 * @augments parley.badge.v1.SessionStart.$Properties
                 * @deprecated Use parley.badge.v1.SessionStart.$Properties instead.
                 */

                /**
                 * Shape of a SessionStart.
                 * @typedef {parley.badge.v1.SessionStart.$Properties} parley.badge.v1.SessionStart.$Shape
                 */

                /**
                 * Constructs a new SessionStart.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a SessionStart.
                 * @constructor
                 * @param {parley.badge.v1.SessionStart.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const SessionStart = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SessionStart sessionId.
                 * @member {Uint8Array} sessionId
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 */
                SessionStart.prototype.sessionId = $util.newBuffer([]);

                /**
                 * SessionStart staffId.
                 * @member {string} staffId
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 */
                SessionStart.prototype.staffId = "";

                /**
                 * SessionStart startTimeMs.
                 * @member {number} startTimeMs
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 */
                SessionStart.prototype.startTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * SessionStart clockSynced.
                 * @member {boolean} clockSynced
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 */
                SessionStart.prototype.clockSynced = false;

                /**
                 * SessionStart monotonicMs.
                 * @member {number} monotonicMs
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 */
                SessionStart.prototype.monotonicMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * SessionStart codec.
                 * @member {parley.badge.v1.CodecParams.$Properties|null|undefined} codec
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 */
                SessionStart.prototype.codec = null;

                /**
                 * SessionStart trigger.
                 * @member {parley.badge.v1.StartTrigger} trigger
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 */
                SessionStart.prototype.trigger = 0;

                /**
                 * SessionStart bootCount.
                 * @member {number} bootCount
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 */
                SessionStart.prototype.bootCount = 0;

                /**
                 * SessionStart sessionAlias.
                 * @member {number} sessionAlias
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 */
                SessionStart.prototype.sessionAlias = 0;

                /**
                 * Creates a new SessionStart instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.SessionStart
                 * @static
                 * @param {parley.badge.v1.SessionStart.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.SessionStart} SessionStart instance
                 * @type {{
                 *   (properties: parley.badge.v1.SessionStart.$Shape): parley.badge.v1.SessionStart & parley.badge.v1.SessionStart.$Shape;
                 *   (properties?: parley.badge.v1.SessionStart.$Properties): parley.badge.v1.SessionStart;
                 * }}
                 */
                SessionStart.create = function(properties) {
                    return new SessionStart(properties);
                };

                /**
                 * Encodes the specified SessionStart message. Does not implicitly {@link parley.badge.v1.SessionStart.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.SessionStart
                 * @static
                 * @param {parley.badge.v1.SessionStart.$Properties} message SessionStart message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SessionStart.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.sessionId);
                    if (message.staffId != null && $Object.hasOwnProperty.call(message, "staffId") && message.staffId !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.staffId);
                    if (message.startTimeMs != null && $Object.hasOwnProperty.call(message, "startTimeMs") && (typeof message.startTimeMs === "object" ? message.startTimeMs.low || message.startTimeMs.high : message.startTimeMs !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.startTimeMs);
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced") && message.clockSynced !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.clockSynced);
                    if (message.monotonicMs != null && $Object.hasOwnProperty.call(message, "monotonicMs") && (typeof message.monotonicMs === "object" ? message.monotonicMs.low || message.monotonicMs.high : message.monotonicMs !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.monotonicMs);
                    if (message.codec != null && $Object.hasOwnProperty.call(message, "codec"))
                        $root.parley.badge.v1.CodecParams.encode(message.codec, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                    if (message.trigger != null && $Object.hasOwnProperty.call(message, "trigger") && message.trigger !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).int32(message.trigger);
                    if (message.bootCount != null && $Object.hasOwnProperty.call(message, "bootCount") && message.bootCount !== 0)
                        writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.bootCount);
                    if (message.sessionAlias != null && $Object.hasOwnProperty.call(message, "sessionAlias") && message.sessionAlias !== 0)
                        writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.sessionAlias);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SessionStart message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.SessionStart
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.SessionStart & parley.badge.v1.SessionStart.$Shape} SessionStart
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SessionStart.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.SessionStart();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.staffId = value;
                                else
                                    delete message.staffId;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.startTimeMs = value;
                                else
                                    delete message.startTimeMs;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.clockSynced = value;
                                else
                                    delete message.clockSynced;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.monotonicMs = value;
                                else
                                    delete message.monotonicMs;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                message.codec = $root.parley.badge.v1.CodecParams.decode(reader, reader.size(), $undefined, _depth + 1, message.codec);
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.trigger = value;
                                else
                                    delete message.trigger;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.bootCount = value;
                                else
                                    delete message.bootCount;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.sessionAlias = value;
                                else
                                    delete message.sessionAlias;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a SessionStart message.
                 * @function verify
                 * @memberof parley.badge.v1.SessionStart
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                SessionStart.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        if (!(message.sessionId && typeof message.sessionId.length === "number" || $util.isString(message.sessionId)))
                            return "sessionId: buffer expected";
                    if (message.staffId != null && $Object.hasOwnProperty.call(message, "staffId"))
                        if (!$util.isString(message.staffId))
                            return "staffId: string expected";
                    if (message.startTimeMs != null && $Object.hasOwnProperty.call(message, "startTimeMs"))
                        if (!$util.isInteger(message.startTimeMs) && !(message.startTimeMs && $util.isInteger(message.startTimeMs.low) && $util.isInteger(message.startTimeMs.high)))
                            return "startTimeMs: integer|Long expected";
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced"))
                        if (typeof message.clockSynced !== "boolean")
                            return "clockSynced: boolean expected";
                    if (message.monotonicMs != null && $Object.hasOwnProperty.call(message, "monotonicMs"))
                        if (!$util.isInteger(message.monotonicMs) && !(message.monotonicMs && $util.isInteger(message.monotonicMs.low) && $util.isInteger(message.monotonicMs.high)))
                            return "monotonicMs: integer|Long expected";
                    if (message.codec != null && $Object.hasOwnProperty.call(message, "codec")) {
                        let error = $root.parley.badge.v1.CodecParams.verify(message.codec, _depth + 1);
                        if (error)
                            return "codec." + error;
                    }
                    if (message.trigger != null && $Object.hasOwnProperty.call(message, "trigger"))
                        if (typeof message.trigger !== "number" || (message.trigger | 0) !== message.trigger)
                            return "trigger: enum value expected";
                    if (message.bootCount != null && $Object.hasOwnProperty.call(message, "bootCount"))
                        if (!$util.isInteger(message.bootCount))
                            return "bootCount: integer expected";
                    if (message.sessionAlias != null && $Object.hasOwnProperty.call(message, "sessionAlias"))
                        if (!$util.isInteger(message.sessionAlias))
                            return "sessionAlias: integer expected";
                    return null;
                };

                /**
                 * Creates a SessionStart message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.SessionStart
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.SessionStart} SessionStart
                 */
                SessionStart.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.SessionStart)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.SessionStart: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.SessionStart();
                    if (object.sessionId != null)
                        if (object.sessionId.length)
                            if (typeof object.sessionId === "string")
                                $util.base64.decode(object.sessionId, message.sessionId = $util.newBuffer($util.base64.length(object.sessionId)), 0);
                            else if (object.sessionId.length >= 0)
                                message.sessionId = object.sessionId;
                    if (object.staffId != null)
                        if (typeof object.staffId !== "string" || object.staffId.length)
                            message.staffId = $String(object.staffId);
                    if (object.startTimeMs != null)
                        if (typeof object.startTimeMs === "object" ? object.startTimeMs.low || object.startTimeMs.high : $Number(object.startTimeMs) !== 0)
                            if ($util.Long)
                                message.startTimeMs = $util.Long.fromValue(object.startTimeMs, true);
                            else if (typeof object.startTimeMs === "string")
                                message.startTimeMs = $parseInt(object.startTimeMs, 10);
                            else if (typeof object.startTimeMs === "number")
                                message.startTimeMs = object.startTimeMs;
                            else if (typeof object.startTimeMs === "object")
                                message.startTimeMs = new $util.LongBits(object.startTimeMs.low >>> 0, object.startTimeMs.high >>> 0).toNumber(true);
                    if (object.clockSynced != null)
                        if (object.clockSynced)
                            message.clockSynced = $Boolean(object.clockSynced);
                    if (object.monotonicMs != null)
                        if (typeof object.monotonicMs === "object" ? object.monotonicMs.low || object.monotonicMs.high : $Number(object.monotonicMs) !== 0)
                            if ($util.Long)
                                message.monotonicMs = $util.Long.fromValue(object.monotonicMs, true);
                            else if (typeof object.monotonicMs === "string")
                                message.monotonicMs = $parseInt(object.monotonicMs, 10);
                            else if (typeof object.monotonicMs === "number")
                                message.monotonicMs = object.monotonicMs;
                            else if (typeof object.monotonicMs === "object")
                                message.monotonicMs = new $util.LongBits(object.monotonicMs.low >>> 0, object.monotonicMs.high >>> 0).toNumber(true);
                    if (object.codec != null) {
                        if (!$util.isObject(object.codec))
                            throw $TypeError(".parley.badge.v1.SessionStart.codec: object expected");
                        message.codec = $root.parley.badge.v1.CodecParams.fromObject(object.codec, _depth + 1);
                    }
                    if (object.trigger !== 0 && (typeof object.trigger !== "string" || $root.parley.badge.v1.StartTrigger[object.trigger] !== 0))
                        switch (object.trigger) {
                        case "START_TRIGGER_BUTTON":
                        case 0:
                            message.trigger = 0;
                            break;
                        case "START_TRIGGER_VOICE":
                        case 1:
                            message.trigger = 1;
                            break;
                        case "START_TRIGGER_SCHEDULE":
                        case 2:
                            message.trigger = 2;
                            break;
                        case "START_TRIGGER_COMMAND":
                        case 3:
                            message.trigger = 3;
                            break;
                        case "START_TRIGGER_SPLIT":
                        case 4:
                            message.trigger = 4;
                            break;
                        default:
                            if (typeof object.trigger === "number" && (object.trigger | 0) === object.trigger)
                                message.trigger = object.trigger;
                        }
                    if (object.bootCount != null)
                        if ($Number(object.bootCount) !== 0)
                            message.bootCount = object.bootCount >>> 0;
                    if (object.sessionAlias != null)
                        if ($Number(object.sessionAlias) !== 0)
                            message.sessionAlias = object.sessionAlias >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a SessionStart message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.SessionStart
                 * @static
                 * @param {parley.badge.v1.SessionStart} message SessionStart
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SessionStart.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        if (options.bytes === $String)
                            object.sessionId = "";
                        else {
                            object.sessionId = [];
                            if (options.bytes !== $Array)
                                object.sessionId = $util.newBuffer(object.sessionId);
                        }
                        object.staffId = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.startTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.startTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.clockSynced = false;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.monotonicMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.monotonicMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.codec = null;
                        object.trigger = options.enums === $String ? "START_TRIGGER_BUTTON" : 0;
                        object.bootCount = 0;
                        object.sessionAlias = 0;
                    }
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        object.sessionId = options.bytes === $String ? $util.base64.encode(message.sessionId, 0, message.sessionId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sessionId) : message.sessionId;
                    if (message.staffId != null && $Object.hasOwnProperty.call(message, "staffId"))
                        object.staffId = message.staffId;
                    if (message.startTimeMs != null && $Object.hasOwnProperty.call(message, "startTimeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.startTimeMs = typeof message.startTimeMs === "number" ? $BigInt(message.startTimeMs) : $util.Long.fromBits(message.startTimeMs.low >>> 0, message.startTimeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.startTimeMs === "number")
                            object.startTimeMs = options.longs === $String ? $String(message.startTimeMs) : message.startTimeMs;
                        else
                            object.startTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.startTimeMs) : options.longs === $Number ? new $util.LongBits(message.startTimeMs.low >>> 0, message.startTimeMs.high >>> 0).toNumber(true) : message.startTimeMs;
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced"))
                        object.clockSynced = message.clockSynced;
                    if (message.monotonicMs != null && $Object.hasOwnProperty.call(message, "monotonicMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.monotonicMs = typeof message.monotonicMs === "number" ? $BigInt(message.monotonicMs) : $util.Long.fromBits(message.monotonicMs.low >>> 0, message.monotonicMs.high >>> 0, true).toBigInt();
                        else if (typeof message.monotonicMs === "number")
                            object.monotonicMs = options.longs === $String ? $String(message.monotonicMs) : message.monotonicMs;
                        else
                            object.monotonicMs = options.longs === $String ? $util.Long.prototype.toString.call(message.monotonicMs) : options.longs === $Number ? new $util.LongBits(message.monotonicMs.low >>> 0, message.monotonicMs.high >>> 0).toNumber(true) : message.monotonicMs;
                    if (message.codec != null && $Object.hasOwnProperty.call(message, "codec"))
                        object.codec = $root.parley.badge.v1.CodecParams.toObject(message.codec, options, _depth + 1);
                    if (message.trigger != null && $Object.hasOwnProperty.call(message, "trigger"))
                        object.trigger = options.enums === $String ? $root.parley.badge.v1.StartTrigger[message.trigger] === $undefined ? message.trigger : $root.parley.badge.v1.StartTrigger[message.trigger] : message.trigger;
                    if (message.bootCount != null && $Object.hasOwnProperty.call(message, "bootCount"))
                        object.bootCount = message.bootCount;
                    if (message.sessionAlias != null && $Object.hasOwnProperty.call(message, "sessionAlias"))
                        object.sessionAlias = message.sessionAlias;
                    return object;
                };

                /**
                 * Converts this SessionStart to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.SessionStart
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SessionStart.prototype.toJSON = function() {
                    return SessionStart.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for SessionStart
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.SessionStart
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                SessionStart.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.SessionStart";
                };

                return SessionStart;
            })();

            /**
             * EndReason enum.
             * @name parley.badge.v1.EndReason
             * @enum {number}
             * @property {number} END_REASON_UNSPECIFIED=0 END_REASON_UNSPECIFIED value
             * @property {number} END_REASON_BUTTON=1 END_REASON_BUTTON value
             * @property {number} END_REASON_SILENCE=2 END_REASON_SILENCE value
             * @property {number} END_REASON_MAX_LENGTH=3 END_REASON_MAX_LENGTH value
             * @property {number} END_REASON_LOW_BATTERY=4 END_REASON_LOW_BATTERY value
             * @property {number} END_REASON_STORAGE_FULL=5 END_REASON_STORAGE_FULL value
             * @property {number} END_REASON_MUTE=6 END_REASON_MUTE value
             * @property {number} END_REASON_SHUTDOWN=7 END_REASON_SHUTDOWN value
             * @property {number} END_REASON_COMMAND=8 END_REASON_COMMAND value
             * @property {number} END_REASON_SCHEDULE=9 END_REASON_SCHEDULE value
             * @property {number} END_REASON_REBOOT=10 END_REASON_REBOOT value
             */
            v1.EndReason = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "END_REASON_UNSPECIFIED"] = 0;
                values[valuesById[1] = "END_REASON_BUTTON"] = 1;
                values[valuesById[2] = "END_REASON_SILENCE"] = 2;
                values[valuesById[3] = "END_REASON_MAX_LENGTH"] = 3;
                values[valuesById[4] = "END_REASON_LOW_BATTERY"] = 4;
                values[valuesById[5] = "END_REASON_STORAGE_FULL"] = 5;
                values[valuesById[6] = "END_REASON_MUTE"] = 6;
                values[valuesById[7] = "END_REASON_SHUTDOWN"] = 7;
                values[valuesById[8] = "END_REASON_COMMAND"] = 8;
                values[valuesById[9] = "END_REASON_SCHEDULE"] = 9;
                values[valuesById[10] = "END_REASON_REBOOT"] = 10;
                return values;
            })();

            v1.SessionEnd = (function() {

                /**
                 * Properties of a SessionEnd.
                 * @typedef {Object} parley.badge.v1.SessionEnd.$Properties
                 * @property {Uint8Array|null} [sessionId] SessionEnd sessionId
                 * @property {parley.badge.v1.EndReason|null} [reason] SessionEnd reason
                 * @property {number|null} [endTimeMs] SessionEnd endTimeMs
                 * @property {boolean|null} [clockSynced] SessionEnd clockSynced
                 * @property {number|null} [totalFrames] SessionEnd totalFrames
                 * @property {number|null} [totalBytes] SessionEnd totalBytes
                 * @property {number|null} [totalChunks] SessionEnd totalChunks
                 * @property {number|null} [digest] SessionEnd digest
                 * @property {number|null} [droppedFrames] SessionEnd droppedFrames
                 * @property {Array.<parley.badge.v1.FrameGap.$Properties>|null} [gaps] SessionEnd gaps
                 * @property {boolean|null} [timeCorrected] SessionEnd timeCorrected
                 * @property {number|null} [clockOffsetMs] SessionEnd clockOffsetMs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SessionEnd.
                 * @memberof parley.badge.v1
                 * @interface ISessionEnd
                 * @augments parley.badge.v1.SessionEnd.$Properties
                 * @deprecated Use parley.badge.v1.SessionEnd.$Properties instead.
                 */

                /**
                 * Shape of a SessionEnd.
                 * @typedef {parley.badge.v1.SessionEnd.$Properties} parley.badge.v1.SessionEnd.$Shape
                 */

                /**
                 * Constructs a new SessionEnd.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a SessionEnd.
                 * @constructor
                 * @param {parley.badge.v1.SessionEnd.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const SessionEnd = function (properties) {
                    this.gaps = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SessionEnd sessionId.
                 * @member {Uint8Array} sessionId
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.sessionId = $util.newBuffer([]);

                /**
                 * SessionEnd reason.
                 * @member {parley.badge.v1.EndReason} reason
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.reason = 0;

                /**
                 * SessionEnd endTimeMs.
                 * @member {number} endTimeMs
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.endTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * SessionEnd clockSynced.
                 * @member {boolean} clockSynced
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.clockSynced = false;

                /**
                 * SessionEnd totalFrames.
                 * @member {number} totalFrames
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.totalFrames = 0;

                /**
                 * SessionEnd totalBytes.
                 * @member {number} totalBytes
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.totalBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * SessionEnd totalChunks.
                 * @member {number} totalChunks
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.totalChunks = 0;

                /**
                 * SessionEnd digest.
                 * @member {number} digest
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.digest = 0;

                /**
                 * SessionEnd droppedFrames.
                 * @member {number} droppedFrames
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.droppedFrames = 0;

                /**
                 * SessionEnd gaps.
                 * @member {Array.<parley.badge.v1.FrameGap.$Properties>} gaps
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.gaps = $util.emptyArray;

                /**
                 * SessionEnd timeCorrected.
                 * @member {boolean} timeCorrected
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.timeCorrected = false;

                /**
                 * SessionEnd clockOffsetMs.
                 * @member {number} clockOffsetMs
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 */
                SessionEnd.prototype.clockOffsetMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Creates a new SessionEnd instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.SessionEnd
                 * @static
                 * @param {parley.badge.v1.SessionEnd.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.SessionEnd} SessionEnd instance
                 * @type {{
                 *   (properties: parley.badge.v1.SessionEnd.$Shape): parley.badge.v1.SessionEnd & parley.badge.v1.SessionEnd.$Shape;
                 *   (properties?: parley.badge.v1.SessionEnd.$Properties): parley.badge.v1.SessionEnd;
                 * }}
                 */
                SessionEnd.create = function(properties) {
                    return new SessionEnd(properties);
                };

                /**
                 * Encodes the specified SessionEnd message. Does not implicitly {@link parley.badge.v1.SessionEnd.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.SessionEnd
                 * @static
                 * @param {parley.badge.v1.SessionEnd.$Properties} message SessionEnd message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SessionEnd.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.sessionId);
                    if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.reason);
                    if (message.endTimeMs != null && $Object.hasOwnProperty.call(message, "endTimeMs") && (typeof message.endTimeMs === "object" ? message.endTimeMs.low || message.endTimeMs.high : message.endTimeMs !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.endTimeMs);
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced") && message.clockSynced !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.clockSynced);
                    if (message.totalFrames != null && $Object.hasOwnProperty.call(message, "totalFrames") && message.totalFrames !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.totalFrames);
                    if (message.totalBytes != null && $Object.hasOwnProperty.call(message, "totalBytes") && (typeof message.totalBytes === "object" ? message.totalBytes.low || message.totalBytes.high : message.totalBytes !== 0))
                        writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.totalBytes);
                    if (message.totalChunks != null && $Object.hasOwnProperty.call(message, "totalChunks") && message.totalChunks !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.totalChunks);
                    if (message.digest != null && $Object.hasOwnProperty.call(message, "digest") && message.digest !== 0)
                        writer.uint32(/* id 8, wireType 5 =*/69).fixed32(message.digest);
                    if (message.droppedFrames != null && $Object.hasOwnProperty.call(message, "droppedFrames") && message.droppedFrames !== 0)
                        writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.droppedFrames);
                    if (message.gaps != null && message.gaps.length)
                        for (let i = 0; i < message.gaps.length; ++i)
                            $root.parley.badge.v1.FrameGap.encode(message.gaps[i], writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                    if (message.timeCorrected != null && $Object.hasOwnProperty.call(message, "timeCorrected") && message.timeCorrected !== false)
                        writer.uint32(/* id 11, wireType 0 =*/88).bool(message.timeCorrected);
                    if (message.clockOffsetMs != null && $Object.hasOwnProperty.call(message, "clockOffsetMs") && (typeof message.clockOffsetMs === "object" ? message.clockOffsetMs.low || message.clockOffsetMs.high : message.clockOffsetMs !== 0))
                        writer.uint32(/* id 12, wireType 0 =*/96).sint64(message.clockOffsetMs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SessionEnd message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.SessionEnd
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.SessionEnd & parley.badge.v1.SessionEnd.$Shape} SessionEnd
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SessionEnd.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.SessionEnd();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.reason = value;
                                else
                                    delete message.reason;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.endTimeMs = value;
                                else
                                    delete message.endTimeMs;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.clockSynced = value;
                                else
                                    delete message.clockSynced;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.totalFrames = value;
                                else
                                    delete message.totalFrames;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.totalBytes = value;
                                else
                                    delete message.totalBytes;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.totalChunks = value;
                                else
                                    delete message.totalChunks;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 5)
                                    break;
                                if (value = reader.fixed32())
                                    message.digest = value;
                                else
                                    delete message.digest;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.droppedFrames = value;
                                else
                                    delete message.droppedFrames;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.gaps && message.gaps.length))
                                    message.gaps = [];
                                message.gaps.push($root.parley.badge.v1.FrameGap.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.timeCorrected = value;
                                else
                                    delete message.timeCorrected;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.clockOffsetMs = value;
                                else
                                    delete message.clockOffsetMs;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a SessionEnd message.
                 * @function verify
                 * @memberof parley.badge.v1.SessionEnd
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                SessionEnd.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        if (!(message.sessionId && typeof message.sessionId.length === "number" || $util.isString(message.sessionId)))
                            return "sessionId: buffer expected";
                    if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                        if (typeof message.reason !== "number" || (message.reason | 0) !== message.reason)
                            return "reason: enum value expected";
                    if (message.endTimeMs != null && $Object.hasOwnProperty.call(message, "endTimeMs"))
                        if (!$util.isInteger(message.endTimeMs) && !(message.endTimeMs && $util.isInteger(message.endTimeMs.low) && $util.isInteger(message.endTimeMs.high)))
                            return "endTimeMs: integer|Long expected";
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced"))
                        if (typeof message.clockSynced !== "boolean")
                            return "clockSynced: boolean expected";
                    if (message.totalFrames != null && $Object.hasOwnProperty.call(message, "totalFrames"))
                        if (!$util.isInteger(message.totalFrames))
                            return "totalFrames: integer expected";
                    if (message.totalBytes != null && $Object.hasOwnProperty.call(message, "totalBytes"))
                        if (!$util.isInteger(message.totalBytes) && !(message.totalBytes && $util.isInteger(message.totalBytes.low) && $util.isInteger(message.totalBytes.high)))
                            return "totalBytes: integer|Long expected";
                    if (message.totalChunks != null && $Object.hasOwnProperty.call(message, "totalChunks"))
                        if (!$util.isInteger(message.totalChunks))
                            return "totalChunks: integer expected";
                    if (message.digest != null && $Object.hasOwnProperty.call(message, "digest"))
                        if (!$util.isInteger(message.digest))
                            return "digest: integer expected";
                    if (message.droppedFrames != null && $Object.hasOwnProperty.call(message, "droppedFrames"))
                        if (!$util.isInteger(message.droppedFrames))
                            return "droppedFrames: integer expected";
                    if (message.gaps != null && $Object.hasOwnProperty.call(message, "gaps")) {
                        if (!$Array.isArray(message.gaps))
                            return "gaps: array expected";
                        for (let i = 0; i < message.gaps.length; ++i) {
                            let error = $root.parley.badge.v1.FrameGap.verify(message.gaps[i], _depth + 1);
                            if (error)
                                return "gaps." + error;
                        }
                    }
                    if (message.timeCorrected != null && $Object.hasOwnProperty.call(message, "timeCorrected"))
                        if (typeof message.timeCorrected !== "boolean")
                            return "timeCorrected: boolean expected";
                    if (message.clockOffsetMs != null && $Object.hasOwnProperty.call(message, "clockOffsetMs"))
                        if (!$util.isInteger(message.clockOffsetMs) && !(message.clockOffsetMs && $util.isInteger(message.clockOffsetMs.low) && $util.isInteger(message.clockOffsetMs.high)))
                            return "clockOffsetMs: integer|Long expected";
                    return null;
                };

                /**
                 * Creates a SessionEnd message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.SessionEnd
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.SessionEnd} SessionEnd
                 */
                SessionEnd.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.SessionEnd)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.SessionEnd: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.SessionEnd();
                    if (object.sessionId != null)
                        if (object.sessionId.length)
                            if (typeof object.sessionId === "string")
                                $util.base64.decode(object.sessionId, message.sessionId = $util.newBuffer($util.base64.length(object.sessionId)), 0);
                            else if (object.sessionId.length >= 0)
                                message.sessionId = object.sessionId;
                    if (object.reason !== 0 && (typeof object.reason !== "string" || $root.parley.badge.v1.EndReason[object.reason] !== 0))
                        switch (object.reason) {
                        case "END_REASON_UNSPECIFIED":
                        case 0:
                            message.reason = 0;
                            break;
                        case "END_REASON_BUTTON":
                        case 1:
                            message.reason = 1;
                            break;
                        case "END_REASON_SILENCE":
                        case 2:
                            message.reason = 2;
                            break;
                        case "END_REASON_MAX_LENGTH":
                        case 3:
                            message.reason = 3;
                            break;
                        case "END_REASON_LOW_BATTERY":
                        case 4:
                            message.reason = 4;
                            break;
                        case "END_REASON_STORAGE_FULL":
                        case 5:
                            message.reason = 5;
                            break;
                        case "END_REASON_MUTE":
                        case 6:
                            message.reason = 6;
                            break;
                        case "END_REASON_SHUTDOWN":
                        case 7:
                            message.reason = 7;
                            break;
                        case "END_REASON_COMMAND":
                        case 8:
                            message.reason = 8;
                            break;
                        case "END_REASON_SCHEDULE":
                        case 9:
                            message.reason = 9;
                            break;
                        case "END_REASON_REBOOT":
                        case 10:
                            message.reason = 10;
                            break;
                        default:
                            if (typeof object.reason === "number" && (object.reason | 0) === object.reason)
                                message.reason = object.reason;
                        }
                    if (object.endTimeMs != null)
                        if (typeof object.endTimeMs === "object" ? object.endTimeMs.low || object.endTimeMs.high : $Number(object.endTimeMs) !== 0)
                            if ($util.Long)
                                message.endTimeMs = $util.Long.fromValue(object.endTimeMs, true);
                            else if (typeof object.endTimeMs === "string")
                                message.endTimeMs = $parseInt(object.endTimeMs, 10);
                            else if (typeof object.endTimeMs === "number")
                                message.endTimeMs = object.endTimeMs;
                            else if (typeof object.endTimeMs === "object")
                                message.endTimeMs = new $util.LongBits(object.endTimeMs.low >>> 0, object.endTimeMs.high >>> 0).toNumber(true);
                    if (object.clockSynced != null)
                        if (object.clockSynced)
                            message.clockSynced = $Boolean(object.clockSynced);
                    if (object.totalFrames != null)
                        if ($Number(object.totalFrames) !== 0)
                            message.totalFrames = object.totalFrames >>> 0;
                    if (object.totalBytes != null)
                        if (typeof object.totalBytes === "object" ? object.totalBytes.low || object.totalBytes.high : $Number(object.totalBytes) !== 0)
                            if ($util.Long)
                                message.totalBytes = $util.Long.fromValue(object.totalBytes, true);
                            else if (typeof object.totalBytes === "string")
                                message.totalBytes = $parseInt(object.totalBytes, 10);
                            else if (typeof object.totalBytes === "number")
                                message.totalBytes = object.totalBytes;
                            else if (typeof object.totalBytes === "object")
                                message.totalBytes = new $util.LongBits(object.totalBytes.low >>> 0, object.totalBytes.high >>> 0).toNumber(true);
                    if (object.totalChunks != null)
                        if ($Number(object.totalChunks) !== 0)
                            message.totalChunks = object.totalChunks >>> 0;
                    if (object.digest != null)
                        if ($Number(object.digest) !== 0)
                            message.digest = object.digest >>> 0;
                    if (object.droppedFrames != null)
                        if ($Number(object.droppedFrames) !== 0)
                            message.droppedFrames = object.droppedFrames >>> 0;
                    if (object.gaps) {
                        if (!$Array.isArray(object.gaps))
                            throw $TypeError(".parley.badge.v1.SessionEnd.gaps: array expected");
                        message.gaps = $Array(object.gaps.length);
                        for (let i = 0; i < object.gaps.length; ++i) {
                            if (!$util.isObject(object.gaps[i]))
                                throw $TypeError(".parley.badge.v1.SessionEnd.gaps: object expected");
                            message.gaps[i] = $root.parley.badge.v1.FrameGap.fromObject(object.gaps[i], _depth + 1);
                        }
                    }
                    if (object.timeCorrected != null)
                        if (object.timeCorrected)
                            message.timeCorrected = $Boolean(object.timeCorrected);
                    if (object.clockOffsetMs != null)
                        if (typeof object.clockOffsetMs === "object" ? object.clockOffsetMs.low || object.clockOffsetMs.high : $Number(object.clockOffsetMs) !== 0)
                            if ($util.Long)
                                message.clockOffsetMs = $util.Long.fromValue(object.clockOffsetMs, false);
                            else if (typeof object.clockOffsetMs === "string")
                                message.clockOffsetMs = $parseInt(object.clockOffsetMs, 10);
                            else if (typeof object.clockOffsetMs === "number")
                                message.clockOffsetMs = object.clockOffsetMs;
                            else if (typeof object.clockOffsetMs === "object")
                                message.clockOffsetMs = new $util.LongBits(object.clockOffsetMs.low >>> 0, object.clockOffsetMs.high >>> 0).toNumber();
                    return message;
                };

                /**
                 * Creates a plain object from a SessionEnd message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.SessionEnd
                 * @static
                 * @param {parley.badge.v1.SessionEnd} message SessionEnd
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SessionEnd.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.gaps = [];
                    if (options.defaults) {
                        if (options.bytes === $String)
                            object.sessionId = "";
                        else {
                            object.sessionId = [];
                            if (options.bytes !== $Array)
                                object.sessionId = $util.newBuffer(object.sessionId);
                        }
                        object.reason = options.enums === $String ? "END_REASON_UNSPECIFIED" : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.endTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.endTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.clockSynced = false;
                        object.totalFrames = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.totalBytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.totalBytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.totalChunks = 0;
                        object.digest = 0;
                        object.droppedFrames = 0;
                        object.timeCorrected = false;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, false);
                            object.clockOffsetMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.clockOffsetMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        object.sessionId = options.bytes === $String ? $util.base64.encode(message.sessionId, 0, message.sessionId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sessionId) : message.sessionId;
                    if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                        object.reason = options.enums === $String ? $root.parley.badge.v1.EndReason[message.reason] === $undefined ? message.reason : $root.parley.badge.v1.EndReason[message.reason] : message.reason;
                    if (message.endTimeMs != null && $Object.hasOwnProperty.call(message, "endTimeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.endTimeMs = typeof message.endTimeMs === "number" ? $BigInt(message.endTimeMs) : $util.Long.fromBits(message.endTimeMs.low >>> 0, message.endTimeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.endTimeMs === "number")
                            object.endTimeMs = options.longs === $String ? $String(message.endTimeMs) : message.endTimeMs;
                        else
                            object.endTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.endTimeMs) : options.longs === $Number ? new $util.LongBits(message.endTimeMs.low >>> 0, message.endTimeMs.high >>> 0).toNumber(true) : message.endTimeMs;
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced"))
                        object.clockSynced = message.clockSynced;
                    if (message.totalFrames != null && $Object.hasOwnProperty.call(message, "totalFrames"))
                        object.totalFrames = message.totalFrames;
                    if (message.totalBytes != null && $Object.hasOwnProperty.call(message, "totalBytes"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.totalBytes = typeof message.totalBytes === "number" ? $BigInt(message.totalBytes) : $util.Long.fromBits(message.totalBytes.low >>> 0, message.totalBytes.high >>> 0, true).toBigInt();
                        else if (typeof message.totalBytes === "number")
                            object.totalBytes = options.longs === $String ? $String(message.totalBytes) : message.totalBytes;
                        else
                            object.totalBytes = options.longs === $String ? $util.Long.prototype.toString.call(message.totalBytes) : options.longs === $Number ? new $util.LongBits(message.totalBytes.low >>> 0, message.totalBytes.high >>> 0).toNumber(true) : message.totalBytes;
                    if (message.totalChunks != null && $Object.hasOwnProperty.call(message, "totalChunks"))
                        object.totalChunks = message.totalChunks;
                    if (message.digest != null && $Object.hasOwnProperty.call(message, "digest"))
                        object.digest = message.digest;
                    if (message.droppedFrames != null && $Object.hasOwnProperty.call(message, "droppedFrames"))
                        object.droppedFrames = message.droppedFrames;
                    if (message.gaps && message.gaps.length) {
                        object.gaps = $Array(message.gaps.length);
                        for (let j = 0; j < message.gaps.length; ++j)
                            object.gaps[j] = $root.parley.badge.v1.FrameGap.toObject(message.gaps[j], options, _depth + 1);
                    }
                    if (message.timeCorrected != null && $Object.hasOwnProperty.call(message, "timeCorrected"))
                        object.timeCorrected = message.timeCorrected;
                    if (message.clockOffsetMs != null && $Object.hasOwnProperty.call(message, "clockOffsetMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.clockOffsetMs = typeof message.clockOffsetMs === "number" ? $BigInt(message.clockOffsetMs) : $util.Long.fromBits(message.clockOffsetMs.low >>> 0, message.clockOffsetMs.high >>> 0, false).toBigInt();
                        else if (typeof message.clockOffsetMs === "number")
                            object.clockOffsetMs = options.longs === $String ? $String(message.clockOffsetMs) : message.clockOffsetMs;
                        else
                            object.clockOffsetMs = options.longs === $String ? $util.Long.prototype.toString.call(message.clockOffsetMs) : options.longs === $Number ? new $util.LongBits(message.clockOffsetMs.low >>> 0, message.clockOffsetMs.high >>> 0).toNumber() : message.clockOffsetMs;
                    return object;
                };

                /**
                 * Converts this SessionEnd to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.SessionEnd
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SessionEnd.prototype.toJSON = function() {
                    return SessionEnd.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for SessionEnd
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.SessionEnd
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                SessionEnd.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.SessionEnd";
                };

                return SessionEnd;
            })();

            v1.AudioChunk = (function() {

                /**
                 * Properties of an AudioChunk.
                 * @typedef {Object} parley.badge.v1.AudioChunk.$Properties
                 * @property {Uint8Array|null} [sessionId] AudioChunk sessionId
                 * @property {number|null} [seq] AudioChunk seq
                 * @property {number|null} [firstFrame] AudioChunk firstFrame
                 * @property {Array.<Uint8Array>|null} [frames] AudioChunk frames
                 * @property {number|null} [captureTimeMs] AudioChunk captureTimeMs
                 * @property {boolean|null} [clockSynced] AudioChunk clockSynced
                 * @property {number|null} [crc32] AudioChunk crc32
                 * @property {boolean|null} [backlog] AudioChunk backlog
                 * @property {Uint8Array|null} [frameData] AudioChunk frameData
                 * @property {Uint8Array|null} [frameSizes] AudioChunk frameSizes
                 * @property {number|null} [sessionAlias] AudioChunk sessionAlias
                 * @property {Uint8Array|null} [frameSizesRice] AudioChunk frameSizesRice
                 * @property {number|null} [firstFrameDelta] AudioChunk firstFrameDelta
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an AudioChunk.
                 * @memberof parley.badge.v1
                 * @interface IAudioChunk
                 * @augments parley.badge.v1.AudioChunk.$Properties
                 * @deprecated Use parley.badge.v1.AudioChunk.$Properties instead.
                 */

                /**
                 * Shape of an AudioChunk.
                 * @typedef {parley.badge.v1.AudioChunk.$Properties} parley.badge.v1.AudioChunk.$Shape
                 */

                /**
                 * Constructs a new AudioChunk.
                 * @memberof parley.badge.v1
                 * @classdesc Represents an AudioChunk.
                 * @constructor
                 * @param {parley.badge.v1.AudioChunk.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const AudioChunk = function (properties) {
                    this.frames = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * AudioChunk sessionId.
                 * @member {Uint8Array} sessionId
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.sessionId = $util.newBuffer([]);

                /**
                 * AudioChunk seq.
                 * @member {number} seq
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.seq = 0;

                /**
                 * AudioChunk firstFrame.
                 * @member {number} firstFrame
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.firstFrame = 0;

                /**
                 * AudioChunk frames.
                 * @member {Array.<Uint8Array>} frames
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.frames = $util.emptyArray;

                /**
                 * AudioChunk captureTimeMs.
                 * @member {number} captureTimeMs
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.captureTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * AudioChunk clockSynced.
                 * @member {boolean} clockSynced
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.clockSynced = false;

                /**
                 * AudioChunk crc32.
                 * @member {number} crc32
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.crc32 = 0;

                /**
                 * AudioChunk backlog.
                 * @member {boolean} backlog
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.backlog = false;

                /**
                 * AudioChunk frameData.
                 * @member {Uint8Array} frameData
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.frameData = $util.newBuffer([]);

                /**
                 * AudioChunk frameSizes.
                 * @member {Uint8Array} frameSizes
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.frameSizes = $util.newBuffer([]);

                /**
                 * AudioChunk sessionAlias.
                 * @member {number} sessionAlias
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.sessionAlias = 0;

                /**
                 * AudioChunk frameSizesRice.
                 * @member {Uint8Array} frameSizesRice
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.frameSizesRice = $util.newBuffer([]);

                /**
                 * AudioChunk firstFrameDelta.
                 * @member {number} firstFrameDelta
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 */
                AudioChunk.prototype.firstFrameDelta = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Creates a new AudioChunk instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.AudioChunk
                 * @static
                 * @param {parley.badge.v1.AudioChunk.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.AudioChunk} AudioChunk instance
                 * @type {{
                 *   (properties: parley.badge.v1.AudioChunk.$Shape): parley.badge.v1.AudioChunk & parley.badge.v1.AudioChunk.$Shape;
                 *   (properties?: parley.badge.v1.AudioChunk.$Properties): parley.badge.v1.AudioChunk;
                 * }}
                 */
                AudioChunk.create = function(properties) {
                    return new AudioChunk(properties);
                };

                /**
                 * Encodes the specified AudioChunk message. Does not implicitly {@link parley.badge.v1.AudioChunk.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.AudioChunk
                 * @static
                 * @param {parley.badge.v1.AudioChunk.$Properties} message AudioChunk message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                AudioChunk.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.sessionId);
                    if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && message.seq !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.seq);
                    if (message.firstFrame != null && $Object.hasOwnProperty.call(message, "firstFrame") && message.firstFrame !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.firstFrame);
                    if (message.frames != null && message.frames.length)
                        for (let i = 0; i < message.frames.length; ++i)
                            writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.frames[i]);
                    if (message.captureTimeMs != null && $Object.hasOwnProperty.call(message, "captureTimeMs") && (typeof message.captureTimeMs === "object" ? message.captureTimeMs.low || message.captureTimeMs.high : message.captureTimeMs !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.captureTimeMs);
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced") && message.clockSynced !== false)
                        writer.uint32(/* id 6, wireType 0 =*/48).bool(message.clockSynced);
                    if (message.crc32 != null && $Object.hasOwnProperty.call(message, "crc32") && message.crc32 !== 0)
                        writer.uint32(/* id 7, wireType 5 =*/61).fixed32(message.crc32);
                    if (message.backlog != null && $Object.hasOwnProperty.call(message, "backlog") && message.backlog !== false)
                        writer.uint32(/* id 8, wireType 0 =*/64).bool(message.backlog);
                    if (message.frameData != null && $Object.hasOwnProperty.call(message, "frameData") && message.frameData.length)
                        writer.uint32(/* id 9, wireType 2 =*/74).bytes(message.frameData);
                    if (message.frameSizes != null && $Object.hasOwnProperty.call(message, "frameSizes") && message.frameSizes.length)
                        writer.uint32(/* id 10, wireType 2 =*/82).bytes(message.frameSizes);
                    if (message.sessionAlias != null && $Object.hasOwnProperty.call(message, "sessionAlias") && message.sessionAlias !== 0)
                        writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.sessionAlias);
                    if (message.frameSizesRice != null && $Object.hasOwnProperty.call(message, "frameSizesRice") && message.frameSizesRice.length)
                        writer.uint32(/* id 12, wireType 2 =*/98).bytes(message.frameSizesRice);
                    if (message.firstFrameDelta != null && $Object.hasOwnProperty.call(message, "firstFrameDelta") && (typeof message.firstFrameDelta === "object" ? message.firstFrameDelta.low || message.firstFrameDelta.high : message.firstFrameDelta !== 0))
                        writer.uint32(/* id 13, wireType 0 =*/104).sint64(message.firstFrameDelta);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an AudioChunk message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.AudioChunk
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.AudioChunk & parley.badge.v1.AudioChunk.$Shape} AudioChunk
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                AudioChunk.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.AudioChunk();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.seq = value;
                                else
                                    delete message.seq;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.firstFrame = value;
                                else
                                    delete message.firstFrame;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.frames && message.frames.length))
                                    message.frames = [];
                                message.frames.push(reader.bytes());
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.captureTimeMs = value;
                                else
                                    delete message.captureTimeMs;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.clockSynced = value;
                                else
                                    delete message.clockSynced;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 5)
                                    break;
                                if (value = reader.fixed32())
                                    message.crc32 = value;
                                else
                                    delete message.crc32;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.backlog = value;
                                else
                                    delete message.backlog;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.frameData = value;
                                else
                                    delete message.frameData;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.frameSizes = value;
                                else
                                    delete message.frameSizes;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.sessionAlias = value;
                                else
                                    delete message.sessionAlias;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.frameSizesRice = value;
                                else
                                    delete message.frameSizesRice;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.firstFrameDelta = value;
                                else
                                    delete message.firstFrameDelta;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies an AudioChunk message.
                 * @function verify
                 * @memberof parley.badge.v1.AudioChunk
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                AudioChunk.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        if (!(message.sessionId && typeof message.sessionId.length === "number" || $util.isString(message.sessionId)))
                            return "sessionId: buffer expected";
                    if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                        if (!$util.isInteger(message.seq))
                            return "seq: integer expected";
                    if (message.firstFrame != null && $Object.hasOwnProperty.call(message, "firstFrame"))
                        if (!$util.isInteger(message.firstFrame))
                            return "firstFrame: integer expected";
                    if (message.frames != null && $Object.hasOwnProperty.call(message, "frames")) {
                        if (!$Array.isArray(message.frames))
                            return "frames: array expected";
                        for (let i = 0; i < message.frames.length; ++i)
                            if (!(message.frames[i] && typeof message.frames[i].length === "number" || $util.isString(message.frames[i])))
                                return "frames: buffer[] expected";
                    }
                    if (message.captureTimeMs != null && $Object.hasOwnProperty.call(message, "captureTimeMs"))
                        if (!$util.isInteger(message.captureTimeMs) && !(message.captureTimeMs && $util.isInteger(message.captureTimeMs.low) && $util.isInteger(message.captureTimeMs.high)))
                            return "captureTimeMs: integer|Long expected";
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced"))
                        if (typeof message.clockSynced !== "boolean")
                            return "clockSynced: boolean expected";
                    if (message.crc32 != null && $Object.hasOwnProperty.call(message, "crc32"))
                        if (!$util.isInteger(message.crc32))
                            return "crc32: integer expected";
                    if (message.backlog != null && $Object.hasOwnProperty.call(message, "backlog"))
                        if (typeof message.backlog !== "boolean")
                            return "backlog: boolean expected";
                    if (message.frameData != null && $Object.hasOwnProperty.call(message, "frameData"))
                        if (!(message.frameData && typeof message.frameData.length === "number" || $util.isString(message.frameData)))
                            return "frameData: buffer expected";
                    if (message.frameSizes != null && $Object.hasOwnProperty.call(message, "frameSizes"))
                        if (!(message.frameSizes && typeof message.frameSizes.length === "number" || $util.isString(message.frameSizes)))
                            return "frameSizes: buffer expected";
                    if (message.sessionAlias != null && $Object.hasOwnProperty.call(message, "sessionAlias"))
                        if (!$util.isInteger(message.sessionAlias))
                            return "sessionAlias: integer expected";
                    if (message.frameSizesRice != null && $Object.hasOwnProperty.call(message, "frameSizesRice"))
                        if (!(message.frameSizesRice && typeof message.frameSizesRice.length === "number" || $util.isString(message.frameSizesRice)))
                            return "frameSizesRice: buffer expected";
                    if (message.firstFrameDelta != null && $Object.hasOwnProperty.call(message, "firstFrameDelta"))
                        if (!$util.isInteger(message.firstFrameDelta) && !(message.firstFrameDelta && $util.isInteger(message.firstFrameDelta.low) && $util.isInteger(message.firstFrameDelta.high)))
                            return "firstFrameDelta: integer|Long expected";
                    return null;
                };

                /**
                 * Creates an AudioChunk message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.AudioChunk
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.AudioChunk} AudioChunk
                 */
                AudioChunk.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.AudioChunk)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.AudioChunk: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.AudioChunk();
                    if (object.sessionId != null)
                        if (object.sessionId.length)
                            if (typeof object.sessionId === "string")
                                $util.base64.decode(object.sessionId, message.sessionId = $util.newBuffer($util.base64.length(object.sessionId)), 0);
                            else if (object.sessionId.length >= 0)
                                message.sessionId = object.sessionId;
                    if (object.seq != null)
                        if ($Number(object.seq) !== 0)
                            message.seq = object.seq >>> 0;
                    if (object.firstFrame != null)
                        if ($Number(object.firstFrame) !== 0)
                            message.firstFrame = object.firstFrame >>> 0;
                    if (object.frames) {
                        if (!$Array.isArray(object.frames))
                            throw $TypeError(".parley.badge.v1.AudioChunk.frames: array expected");
                        message.frames = $Array(object.frames.length);
                        for (let i = 0; i < object.frames.length; ++i)
                            if (typeof object.frames[i] === "string")
                                $util.base64.decode(object.frames[i], message.frames[i] = $util.newBuffer($util.base64.length(object.frames[i])), 0);
                            else if (object.frames[i].length >= 0)
                                message.frames[i] = object.frames[i];
                    }
                    if (object.captureTimeMs != null)
                        if (typeof object.captureTimeMs === "object" ? object.captureTimeMs.low || object.captureTimeMs.high : $Number(object.captureTimeMs) !== 0)
                            if ($util.Long)
                                message.captureTimeMs = $util.Long.fromValue(object.captureTimeMs, true);
                            else if (typeof object.captureTimeMs === "string")
                                message.captureTimeMs = $parseInt(object.captureTimeMs, 10);
                            else if (typeof object.captureTimeMs === "number")
                                message.captureTimeMs = object.captureTimeMs;
                            else if (typeof object.captureTimeMs === "object")
                                message.captureTimeMs = new $util.LongBits(object.captureTimeMs.low >>> 0, object.captureTimeMs.high >>> 0).toNumber(true);
                    if (object.clockSynced != null)
                        if (object.clockSynced)
                            message.clockSynced = $Boolean(object.clockSynced);
                    if (object.crc32 != null)
                        if ($Number(object.crc32) !== 0)
                            message.crc32 = object.crc32 >>> 0;
                    if (object.backlog != null)
                        if (object.backlog)
                            message.backlog = $Boolean(object.backlog);
                    if (object.frameData != null)
                        if (object.frameData.length)
                            if (typeof object.frameData === "string")
                                $util.base64.decode(object.frameData, message.frameData = $util.newBuffer($util.base64.length(object.frameData)), 0);
                            else if (object.frameData.length >= 0)
                                message.frameData = object.frameData;
                    if (object.frameSizes != null)
                        if (object.frameSizes.length)
                            if (typeof object.frameSizes === "string")
                                $util.base64.decode(object.frameSizes, message.frameSizes = $util.newBuffer($util.base64.length(object.frameSizes)), 0);
                            else if (object.frameSizes.length >= 0)
                                message.frameSizes = object.frameSizes;
                    if (object.sessionAlias != null)
                        if ($Number(object.sessionAlias) !== 0)
                            message.sessionAlias = object.sessionAlias >>> 0;
                    if (object.frameSizesRice != null)
                        if (object.frameSizesRice.length)
                            if (typeof object.frameSizesRice === "string")
                                $util.base64.decode(object.frameSizesRice, message.frameSizesRice = $util.newBuffer($util.base64.length(object.frameSizesRice)), 0);
                            else if (object.frameSizesRice.length >= 0)
                                message.frameSizesRice = object.frameSizesRice;
                    if (object.firstFrameDelta != null)
                        if (typeof object.firstFrameDelta === "object" ? object.firstFrameDelta.low || object.firstFrameDelta.high : $Number(object.firstFrameDelta) !== 0)
                            if ($util.Long)
                                message.firstFrameDelta = $util.Long.fromValue(object.firstFrameDelta, false);
                            else if (typeof object.firstFrameDelta === "string")
                                message.firstFrameDelta = $parseInt(object.firstFrameDelta, 10);
                            else if (typeof object.firstFrameDelta === "number")
                                message.firstFrameDelta = object.firstFrameDelta;
                            else if (typeof object.firstFrameDelta === "object")
                                message.firstFrameDelta = new $util.LongBits(object.firstFrameDelta.low >>> 0, object.firstFrameDelta.high >>> 0).toNumber();
                    return message;
                };

                /**
                 * Creates a plain object from an AudioChunk message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.AudioChunk
                 * @static
                 * @param {parley.badge.v1.AudioChunk} message AudioChunk
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                AudioChunk.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.frames = [];
                    if (options.defaults) {
                        if (options.bytes === $String)
                            object.sessionId = "";
                        else {
                            object.sessionId = [];
                            if (options.bytes !== $Array)
                                object.sessionId = $util.newBuffer(object.sessionId);
                        }
                        object.seq = 0;
                        object.firstFrame = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.captureTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.captureTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.clockSynced = false;
                        object.crc32 = 0;
                        object.backlog = false;
                        if (options.bytes === $String)
                            object.frameData = "";
                        else {
                            object.frameData = [];
                            if (options.bytes !== $Array)
                                object.frameData = $util.newBuffer(object.frameData);
                        }
                        if (options.bytes === $String)
                            object.frameSizes = "";
                        else {
                            object.frameSizes = [];
                            if (options.bytes !== $Array)
                                object.frameSizes = $util.newBuffer(object.frameSizes);
                        }
                        object.sessionAlias = 0;
                        if (options.bytes === $String)
                            object.frameSizesRice = "";
                        else {
                            object.frameSizesRice = [];
                            if (options.bytes !== $Array)
                                object.frameSizesRice = $util.newBuffer(object.frameSizesRice);
                        }
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, false);
                            object.firstFrameDelta = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.firstFrameDelta = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        object.sessionId = options.bytes === $String ? $util.base64.encode(message.sessionId, 0, message.sessionId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sessionId) : message.sessionId;
                    if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                        object.seq = message.seq;
                    if (message.firstFrame != null && $Object.hasOwnProperty.call(message, "firstFrame"))
                        object.firstFrame = message.firstFrame;
                    if (message.frames && message.frames.length) {
                        object.frames = $Array(message.frames.length);
                        for (let j = 0; j < message.frames.length; ++j)
                            object.frames[j] = options.bytes === $String ? $util.base64.encode(message.frames[j], 0, message.frames[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.frames[j]) : message.frames[j];
                    }
                    if (message.captureTimeMs != null && $Object.hasOwnProperty.call(message, "captureTimeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.captureTimeMs = typeof message.captureTimeMs === "number" ? $BigInt(message.captureTimeMs) : $util.Long.fromBits(message.captureTimeMs.low >>> 0, message.captureTimeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.captureTimeMs === "number")
                            object.captureTimeMs = options.longs === $String ? $String(message.captureTimeMs) : message.captureTimeMs;
                        else
                            object.captureTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.captureTimeMs) : options.longs === $Number ? new $util.LongBits(message.captureTimeMs.low >>> 0, message.captureTimeMs.high >>> 0).toNumber(true) : message.captureTimeMs;
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced"))
                        object.clockSynced = message.clockSynced;
                    if (message.crc32 != null && $Object.hasOwnProperty.call(message, "crc32"))
                        object.crc32 = message.crc32;
                    if (message.backlog != null && $Object.hasOwnProperty.call(message, "backlog"))
                        object.backlog = message.backlog;
                    if (message.frameData != null && $Object.hasOwnProperty.call(message, "frameData"))
                        object.frameData = options.bytes === $String ? $util.base64.encode(message.frameData, 0, message.frameData.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.frameData) : message.frameData;
                    if (message.frameSizes != null && $Object.hasOwnProperty.call(message, "frameSizes"))
                        object.frameSizes = options.bytes === $String ? $util.base64.encode(message.frameSizes, 0, message.frameSizes.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.frameSizes) : message.frameSizes;
                    if (message.sessionAlias != null && $Object.hasOwnProperty.call(message, "sessionAlias"))
                        object.sessionAlias = message.sessionAlias;
                    if (message.frameSizesRice != null && $Object.hasOwnProperty.call(message, "frameSizesRice"))
                        object.frameSizesRice = options.bytes === $String ? $util.base64.encode(message.frameSizesRice, 0, message.frameSizesRice.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.frameSizesRice) : message.frameSizesRice;
                    if (message.firstFrameDelta != null && $Object.hasOwnProperty.call(message, "firstFrameDelta"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.firstFrameDelta = typeof message.firstFrameDelta === "number" ? $BigInt(message.firstFrameDelta) : $util.Long.fromBits(message.firstFrameDelta.low >>> 0, message.firstFrameDelta.high >>> 0, false).toBigInt();
                        else if (typeof message.firstFrameDelta === "number")
                            object.firstFrameDelta = options.longs === $String ? $String(message.firstFrameDelta) : message.firstFrameDelta;
                        else
                            object.firstFrameDelta = options.longs === $String ? $util.Long.prototype.toString.call(message.firstFrameDelta) : options.longs === $Number ? new $util.LongBits(message.firstFrameDelta.low >>> 0, message.firstFrameDelta.high >>> 0).toNumber() : message.firstFrameDelta;
                    return object;
                };

                /**
                 * Converts this AudioChunk to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.AudioChunk
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                AudioChunk.prototype.toJSON = function() {
                    return AudioChunk.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for AudioChunk
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.AudioChunk
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                AudioChunk.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.AudioChunk";
                };

                return AudioChunk;
            })();

            v1.Telemetry = (function() {

                /**
                 * Properties of a Telemetry.
                 * @typedef {Object} parley.badge.v1.Telemetry.$Properties
                 * @property {number|null} [batteryPercent] Telemetry batteryPercent
                 * @property {number|null} [batteryMv] Telemetry batteryMv
                 * @property {boolean|null} [charging] Telemetry charging
                 * @property {number|null} [flashUsedBytes] Telemetry flashUsedBytes
                 * @property {number|null} [flashFreeBytes] Telemetry flashFreeBytes
                 * @property {number|null} [backlogSeconds] Telemetry backlogSeconds
                 * @property {number|null} [rssiDbm] Telemetry rssiDbm
                 * @property {number|null} [uptimeS] Telemetry uptimeS
                 * @property {parley.badge.v1.DeviceState|null} [state] Telemetry state
                 * @property {number|null} [droppedFrames] Telemetry droppedFrames
                 * @property {parley.badge.v1.ClockState|null} [clockState] Telemetry clockState
                 * @property {string|null} [firmwareVersion] Telemetry firmwareVersion
                 * @property {number|null} [lastErrorCode] Telemetry lastErrorCode
                 * @property {number|null} [timeMs] Telemetry timeMs
                 * @property {number|null} [configVersion] Telemetry configVersion
                 * @property {number|null} [bootCount] Telemetry bootCount
                 * @property {number|null} [spoolEraseStalls] Telemetry spoolEraseStalls
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Telemetry.
                 * @memberof parley.badge.v1
                 * @interface ITelemetry
                 * @augments parley.badge.v1.Telemetry.$Properties
                 * @deprecated Use parley.badge.v1.Telemetry.$Properties instead.
                 */

                /**
                 * Shape of a Telemetry.
                 * @typedef {parley.badge.v1.Telemetry.$Properties} parley.badge.v1.Telemetry.$Shape
                 */

                /**
                 * Constructs a new Telemetry.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a Telemetry.
                 * @constructor
                 * @param {parley.badge.v1.Telemetry.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Telemetry = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Telemetry batteryPercent.
                 * @member {number} batteryPercent
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.batteryPercent = 0;

                /**
                 * Telemetry batteryMv.
                 * @member {number} batteryMv
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.batteryMv = 0;

                /**
                 * Telemetry charging.
                 * @member {boolean} charging
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.charging = false;

                /**
                 * Telemetry flashUsedBytes.
                 * @member {number} flashUsedBytes
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.flashUsedBytes = 0;

                /**
                 * Telemetry flashFreeBytes.
                 * @member {number} flashFreeBytes
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.flashFreeBytes = 0;

                /**
                 * Telemetry backlogSeconds.
                 * @member {number} backlogSeconds
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.backlogSeconds = 0;

                /**
                 * Telemetry rssiDbm.
                 * @member {number} rssiDbm
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.rssiDbm = 0;

                /**
                 * Telemetry uptimeS.
                 * @member {number} uptimeS
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.uptimeS = 0;

                /**
                 * Telemetry state.
                 * @member {parley.badge.v1.DeviceState} state
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.state = 0;

                /**
                 * Telemetry droppedFrames.
                 * @member {number} droppedFrames
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.droppedFrames = 0;

                /**
                 * Telemetry clockState.
                 * @member {parley.badge.v1.ClockState} clockState
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.clockState = 0;

                /**
                 * Telemetry firmwareVersion.
                 * @member {string} firmwareVersion
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.firmwareVersion = "";

                /**
                 * Telemetry lastErrorCode.
                 * @member {number} lastErrorCode
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.lastErrorCode = 0;

                /**
                 * Telemetry timeMs.
                 * @member {number} timeMs
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Telemetry configVersion.
                 * @member {number} configVersion
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.configVersion = 0;

                /**
                 * Telemetry bootCount.
                 * @member {number} bootCount
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.bootCount = 0;

                /**
                 * Telemetry spoolEraseStalls.
                 * @member {number} spoolEraseStalls
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 */
                Telemetry.prototype.spoolEraseStalls = 0;

                /**
                 * Creates a new Telemetry instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.Telemetry
                 * @static
                 * @param {parley.badge.v1.Telemetry.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.Telemetry} Telemetry instance
                 * @type {{
                 *   (properties: parley.badge.v1.Telemetry.$Shape): parley.badge.v1.Telemetry & parley.badge.v1.Telemetry.$Shape;
                 *   (properties?: parley.badge.v1.Telemetry.$Properties): parley.badge.v1.Telemetry;
                 * }}
                 */
                Telemetry.create = function(properties) {
                    return new Telemetry(properties);
                };

                /**
                 * Encodes the specified Telemetry message. Does not implicitly {@link parley.badge.v1.Telemetry.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.Telemetry
                 * @static
                 * @param {parley.badge.v1.Telemetry.$Properties} message Telemetry message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Telemetry.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.batteryPercent != null && $Object.hasOwnProperty.call(message, "batteryPercent") && message.batteryPercent !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.batteryPercent);
                    if (message.batteryMv != null && $Object.hasOwnProperty.call(message, "batteryMv") && message.batteryMv !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.batteryMv);
                    if (message.charging != null && $Object.hasOwnProperty.call(message, "charging") && message.charging !== false)
                        writer.uint32(/* id 3, wireType 0 =*/24).bool(message.charging);
                    if (message.flashUsedBytes != null && $Object.hasOwnProperty.call(message, "flashUsedBytes") && message.flashUsedBytes !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.flashUsedBytes);
                    if (message.flashFreeBytes != null && $Object.hasOwnProperty.call(message, "flashFreeBytes") && message.flashFreeBytes !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.flashFreeBytes);
                    if (message.backlogSeconds != null && $Object.hasOwnProperty.call(message, "backlogSeconds") && message.backlogSeconds !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.backlogSeconds);
                    if (message.rssiDbm != null && $Object.hasOwnProperty.call(message, "rssiDbm") && message.rssiDbm !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).sint32(message.rssiDbm);
                    if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS") && message.uptimeS !== 0)
                        writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.uptimeS);
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                        writer.uint32(/* id 9, wireType 0 =*/72).int32(message.state);
                    if (message.droppedFrames != null && $Object.hasOwnProperty.call(message, "droppedFrames") && message.droppedFrames !== 0)
                        writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.droppedFrames);
                    if (message.clockState != null && $Object.hasOwnProperty.call(message, "clockState") && message.clockState !== 0)
                        writer.uint32(/* id 11, wireType 0 =*/88).int32(message.clockState);
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion") && message.firmwareVersion !== "")
                        writer.uint32(/* id 12, wireType 2 =*/98).string(message.firmwareVersion);
                    if (message.lastErrorCode != null && $Object.hasOwnProperty.call(message, "lastErrorCode") && message.lastErrorCode !== 0)
                        writer.uint32(/* id 13, wireType 0 =*/104).uint32(message.lastErrorCode);
                    if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                        writer.uint32(/* id 14, wireType 0 =*/112).uint64(message.timeMs);
                    if (message.configVersion != null && $Object.hasOwnProperty.call(message, "configVersion") && message.configVersion !== 0)
                        writer.uint32(/* id 15, wireType 0 =*/120).uint32(message.configVersion);
                    if (message.bootCount != null && $Object.hasOwnProperty.call(message, "bootCount") && message.bootCount !== 0)
                        writer.uint32(/* id 16, wireType 0 =*/128).uint32(message.bootCount);
                    if (message.spoolEraseStalls != null && $Object.hasOwnProperty.call(message, "spoolEraseStalls") && message.spoolEraseStalls !== 0)
                        writer.uint32(/* id 17, wireType 0 =*/136).uint32(message.spoolEraseStalls);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Telemetry message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.Telemetry
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.Telemetry & parley.badge.v1.Telemetry.$Shape} Telemetry
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Telemetry.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.Telemetry();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.batteryPercent = value;
                                else
                                    delete message.batteryPercent;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.batteryMv = value;
                                else
                                    delete message.batteryMv;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.charging = value;
                                else
                                    delete message.charging;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.flashUsedBytes = value;
                                else
                                    delete message.flashUsedBytes;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.flashFreeBytes = value;
                                else
                                    delete message.flashFreeBytes;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.backlogSeconds = value;
                                else
                                    delete message.backlogSeconds;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.sint32())
                                    message.rssiDbm = value;
                                else
                                    delete message.rssiDbm;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.uptimeS = value;
                                else
                                    delete message.uptimeS;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.state = value;
                                else
                                    delete message.state;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.droppedFrames = value;
                                else
                                    delete message.droppedFrames;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.clockState = value;
                                else
                                    delete message.clockState;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.firmwareVersion = value;
                                else
                                    delete message.firmwareVersion;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.lastErrorCode = value;
                                else
                                    delete message.lastErrorCode;
                                continue;
                            }
                        case 14: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.timeMs = value;
                                else
                                    delete message.timeMs;
                                continue;
                            }
                        case 15: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.configVersion = value;
                                else
                                    delete message.configVersion;
                                continue;
                            }
                        case 16: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.bootCount = value;
                                else
                                    delete message.bootCount;
                                continue;
                            }
                        case 17: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.spoolEraseStalls = value;
                                else
                                    delete message.spoolEraseStalls;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Telemetry message.
                 * @function verify
                 * @memberof parley.badge.v1.Telemetry
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Telemetry.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.batteryPercent != null && $Object.hasOwnProperty.call(message, "batteryPercent"))
                        if (!$util.isInteger(message.batteryPercent))
                            return "batteryPercent: integer expected";
                    if (message.batteryMv != null && $Object.hasOwnProperty.call(message, "batteryMv"))
                        if (!$util.isInteger(message.batteryMv))
                            return "batteryMv: integer expected";
                    if (message.charging != null && $Object.hasOwnProperty.call(message, "charging"))
                        if (typeof message.charging !== "boolean")
                            return "charging: boolean expected";
                    if (message.flashUsedBytes != null && $Object.hasOwnProperty.call(message, "flashUsedBytes"))
                        if (!$util.isInteger(message.flashUsedBytes))
                            return "flashUsedBytes: integer expected";
                    if (message.flashFreeBytes != null && $Object.hasOwnProperty.call(message, "flashFreeBytes"))
                        if (!$util.isInteger(message.flashFreeBytes))
                            return "flashFreeBytes: integer expected";
                    if (message.backlogSeconds != null && $Object.hasOwnProperty.call(message, "backlogSeconds"))
                        if (!$util.isInteger(message.backlogSeconds))
                            return "backlogSeconds: integer expected";
                    if (message.rssiDbm != null && $Object.hasOwnProperty.call(message, "rssiDbm"))
                        if (!$util.isInteger(message.rssiDbm))
                            return "rssiDbm: integer expected";
                    if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS"))
                        if (!$util.isInteger(message.uptimeS))
                            return "uptimeS: integer expected";
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                        if (typeof message.state !== "number" || (message.state | 0) !== message.state)
                            return "state: enum value expected";
                    if (message.droppedFrames != null && $Object.hasOwnProperty.call(message, "droppedFrames"))
                        if (!$util.isInteger(message.droppedFrames))
                            return "droppedFrames: integer expected";
                    if (message.clockState != null && $Object.hasOwnProperty.call(message, "clockState"))
                        if (typeof message.clockState !== "number" || (message.clockState | 0) !== message.clockState)
                            return "clockState: enum value expected";
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion"))
                        if (!$util.isString(message.firmwareVersion))
                            return "firmwareVersion: string expected";
                    if (message.lastErrorCode != null && $Object.hasOwnProperty.call(message, "lastErrorCode"))
                        if (!$util.isInteger(message.lastErrorCode))
                            return "lastErrorCode: integer expected";
                    if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                        if (!$util.isInteger(message.timeMs) && !(message.timeMs && $util.isInteger(message.timeMs.low) && $util.isInteger(message.timeMs.high)))
                            return "timeMs: integer|Long expected";
                    if (message.configVersion != null && $Object.hasOwnProperty.call(message, "configVersion"))
                        if (!$util.isInteger(message.configVersion))
                            return "configVersion: integer expected";
                    if (message.bootCount != null && $Object.hasOwnProperty.call(message, "bootCount"))
                        if (!$util.isInteger(message.bootCount))
                            return "bootCount: integer expected";
                    if (message.spoolEraseStalls != null && $Object.hasOwnProperty.call(message, "spoolEraseStalls"))
                        if (!$util.isInteger(message.spoolEraseStalls))
                            return "spoolEraseStalls: integer expected";
                    return null;
                };

                /**
                 * Creates a Telemetry message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.Telemetry
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.Telemetry} Telemetry
                 */
                Telemetry.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.Telemetry)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.Telemetry: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.Telemetry();
                    if (object.batteryPercent != null)
                        if ($Number(object.batteryPercent) !== 0)
                            message.batteryPercent = object.batteryPercent >>> 0;
                    if (object.batteryMv != null)
                        if ($Number(object.batteryMv) !== 0)
                            message.batteryMv = object.batteryMv >>> 0;
                    if (object.charging != null)
                        if (object.charging)
                            message.charging = $Boolean(object.charging);
                    if (object.flashUsedBytes != null)
                        if ($Number(object.flashUsedBytes) !== 0)
                            message.flashUsedBytes = object.flashUsedBytes >>> 0;
                    if (object.flashFreeBytes != null)
                        if ($Number(object.flashFreeBytes) !== 0)
                            message.flashFreeBytes = object.flashFreeBytes >>> 0;
                    if (object.backlogSeconds != null)
                        if ($Number(object.backlogSeconds) !== 0)
                            message.backlogSeconds = object.backlogSeconds >>> 0;
                    if (object.rssiDbm != null)
                        if ($Number(object.rssiDbm) !== 0)
                            message.rssiDbm = object.rssiDbm | 0;
                    if (object.uptimeS != null)
                        if ($Number(object.uptimeS) !== 0)
                            message.uptimeS = object.uptimeS >>> 0;
                    if (object.state !== 0 && (typeof object.state !== "string" || $root.parley.badge.v1.DeviceState[object.state] !== 0))
                        switch (object.state) {
                        case "DEVICE_STATE_IDLE":
                        case 0:
                            message.state = 0;
                            break;
                        case "DEVICE_STATE_RECORDING":
                        case 1:
                            message.state = 1;
                            break;
                        case "DEVICE_STATE_MUTED":
                        case 2:
                            message.state = 2;
                            break;
                        case "DEVICE_STATE_STORAGE_FULL":
                        case 3:
                            message.state = 3;
                            break;
                        case "DEVICE_STATE_LOW_BATTERY":
                        case 4:
                            message.state = 4;
                            break;
                        case "DEVICE_STATE_LOCKED":
                        case 5:
                            message.state = 5;
                            break;
                        default:
                            if (typeof object.state === "number" && (object.state | 0) === object.state)
                                message.state = object.state;
                        }
                    if (object.droppedFrames != null)
                        if ($Number(object.droppedFrames) !== 0)
                            message.droppedFrames = object.droppedFrames >>> 0;
                    if (object.clockState !== 0 && (typeof object.clockState !== "string" || $root.parley.badge.v1.ClockState[object.clockState] !== 0))
                        switch (object.clockState) {
                        case "CLOCK_STATE_UNSYNCED":
                        case 0:
                            message.clockState = 0;
                            break;
                        case "CLOCK_STATE_SYNCED":
                        case 1:
                            message.clockState = 1;
                            break;
                        case "CLOCK_STATE_STALE":
                        case 2:
                            message.clockState = 2;
                            break;
                        default:
                            if (typeof object.clockState === "number" && (object.clockState | 0) === object.clockState)
                                message.clockState = object.clockState;
                        }
                    if (object.firmwareVersion != null)
                        if (typeof object.firmwareVersion !== "string" || object.firmwareVersion.length)
                            message.firmwareVersion = $String(object.firmwareVersion);
                    if (object.lastErrorCode != null)
                        if ($Number(object.lastErrorCode) !== 0)
                            message.lastErrorCode = object.lastErrorCode >>> 0;
                    if (object.timeMs != null)
                        if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                            if ($util.Long)
                                message.timeMs = $util.Long.fromValue(object.timeMs, true);
                            else if (typeof object.timeMs === "string")
                                message.timeMs = $parseInt(object.timeMs, 10);
                            else if (typeof object.timeMs === "number")
                                message.timeMs = object.timeMs;
                            else if (typeof object.timeMs === "object")
                                message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber(true);
                    if (object.configVersion != null)
                        if ($Number(object.configVersion) !== 0)
                            message.configVersion = object.configVersion >>> 0;
                    if (object.bootCount != null)
                        if ($Number(object.bootCount) !== 0)
                            message.bootCount = object.bootCount >>> 0;
                    if (object.spoolEraseStalls != null)
                        if ($Number(object.spoolEraseStalls) !== 0)
                            message.spoolEraseStalls = object.spoolEraseStalls >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a Telemetry message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.Telemetry
                 * @static
                 * @param {parley.badge.v1.Telemetry} message Telemetry
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Telemetry.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.batteryPercent = 0;
                        object.batteryMv = 0;
                        object.charging = false;
                        object.flashUsedBytes = 0;
                        object.flashFreeBytes = 0;
                        object.backlogSeconds = 0;
                        object.rssiDbm = 0;
                        object.uptimeS = 0;
                        object.state = options.enums === $String ? "DEVICE_STATE_IDLE" : 0;
                        object.droppedFrames = 0;
                        object.clockState = options.enums === $String ? "CLOCK_STATE_UNSYNCED" : 0;
                        object.firmwareVersion = "";
                        object.lastErrorCode = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.configVersion = 0;
                        object.bootCount = 0;
                        object.spoolEraseStalls = 0;
                    }
                    if (message.batteryPercent != null && $Object.hasOwnProperty.call(message, "batteryPercent"))
                        object.batteryPercent = message.batteryPercent;
                    if (message.batteryMv != null && $Object.hasOwnProperty.call(message, "batteryMv"))
                        object.batteryMv = message.batteryMv;
                    if (message.charging != null && $Object.hasOwnProperty.call(message, "charging"))
                        object.charging = message.charging;
                    if (message.flashUsedBytes != null && $Object.hasOwnProperty.call(message, "flashUsedBytes"))
                        object.flashUsedBytes = message.flashUsedBytes;
                    if (message.flashFreeBytes != null && $Object.hasOwnProperty.call(message, "flashFreeBytes"))
                        object.flashFreeBytes = message.flashFreeBytes;
                    if (message.backlogSeconds != null && $Object.hasOwnProperty.call(message, "backlogSeconds"))
                        object.backlogSeconds = message.backlogSeconds;
                    if (message.rssiDbm != null && $Object.hasOwnProperty.call(message, "rssiDbm"))
                        object.rssiDbm = message.rssiDbm;
                    if (message.uptimeS != null && $Object.hasOwnProperty.call(message, "uptimeS"))
                        object.uptimeS = message.uptimeS;
                    if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                        object.state = options.enums === $String ? $root.parley.badge.v1.DeviceState[message.state] === $undefined ? message.state : $root.parley.badge.v1.DeviceState[message.state] : message.state;
                    if (message.droppedFrames != null && $Object.hasOwnProperty.call(message, "droppedFrames"))
                        object.droppedFrames = message.droppedFrames;
                    if (message.clockState != null && $Object.hasOwnProperty.call(message, "clockState"))
                        object.clockState = options.enums === $String ? $root.parley.badge.v1.ClockState[message.clockState] === $undefined ? message.clockState : $root.parley.badge.v1.ClockState[message.clockState] : message.clockState;
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion"))
                        object.firmwareVersion = message.firmwareVersion;
                    if (message.lastErrorCode != null && $Object.hasOwnProperty.call(message, "lastErrorCode"))
                        object.lastErrorCode = message.lastErrorCode;
                    if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.timeMs === "number")
                            object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                        else
                            object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber(true) : message.timeMs;
                    if (message.configVersion != null && $Object.hasOwnProperty.call(message, "configVersion"))
                        object.configVersion = message.configVersion;
                    if (message.bootCount != null && $Object.hasOwnProperty.call(message, "bootCount"))
                        object.bootCount = message.bootCount;
                    if (message.spoolEraseStalls != null && $Object.hasOwnProperty.call(message, "spoolEraseStalls"))
                        object.spoolEraseStalls = message.spoolEraseStalls;
                    return object;
                };

                /**
                 * Converts this Telemetry to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.Telemetry
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Telemetry.prototype.toJSON = function() {
                    return Telemetry.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Telemetry
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.Telemetry
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Telemetry.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.Telemetry";
                };

                return Telemetry;
            })();

            /**
             * EventKind enum.
             * @name parley.badge.v1.EventKind
             * @enum {number}
             * @property {number} EVENT_KIND_UNSPECIFIED=0 EVENT_KIND_UNSPECIFIED value
             * @property {number} EVENT_KIND_BUTTON=1 EVENT_KIND_BUTTON value
             * @property {number} EVENT_KIND_STATE_CHANGE=2 EVENT_KIND_STATE_CHANGE value
             * @property {number} EVENT_KIND_ERROR=3 EVENT_KIND_ERROR value
             * @property {number} EVENT_KIND_BOOKMARK=4 EVENT_KIND_BOOKMARK value
             * @property {number} EVENT_KIND_STORAGE_ALARM=5 EVENT_KIND_STORAGE_ALARM value
             * @property {number} EVENT_KIND_CLOCK_SYNCED=6 EVENT_KIND_CLOCK_SYNCED value
             * @property {number} EVENT_KIND_BOOT=7 EVENT_KIND_BOOT value
             * @property {number} EVENT_KIND_FIRMWARE=8 EVENT_KIND_FIRMWARE value
             * @property {number} EVENT_KIND_CONFIG_APPLIED=9 EVENT_KIND_CONFIG_APPLIED value
             */
            v1.EventKind = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "EVENT_KIND_UNSPECIFIED"] = 0;
                values[valuesById[1] = "EVENT_KIND_BUTTON"] = 1;
                values[valuesById[2] = "EVENT_KIND_STATE_CHANGE"] = 2;
                values[valuesById[3] = "EVENT_KIND_ERROR"] = 3;
                values[valuesById[4] = "EVENT_KIND_BOOKMARK"] = 4;
                values[valuesById[5] = "EVENT_KIND_STORAGE_ALARM"] = 5;
                values[valuesById[6] = "EVENT_KIND_CLOCK_SYNCED"] = 6;
                values[valuesById[7] = "EVENT_KIND_BOOT"] = 7;
                values[valuesById[8] = "EVENT_KIND_FIRMWARE"] = 8;
                values[valuesById[9] = "EVENT_KIND_CONFIG_APPLIED"] = 9;
                return values;
            })();

            /**
             * ButtonAction enum.
             * @name parley.badge.v1.ButtonAction
             * @enum {number}
             * @property {number} BUTTON_ACTION_NONE=0 BUTTON_ACTION_NONE value
             * @property {number} BUTTON_ACTION_SHORT=1 BUTTON_ACTION_SHORT value
             * @property {number} BUTTON_ACTION_LONG=2 BUTTON_ACTION_LONG value
             * @property {number} BUTTON_ACTION_DOUBLE=3 BUTTON_ACTION_DOUBLE value
             */
            v1.ButtonAction = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "BUTTON_ACTION_NONE"] = 0;
                values[valuesById[1] = "BUTTON_ACTION_SHORT"] = 1;
                values[valuesById[2] = "BUTTON_ACTION_LONG"] = 2;
                values[valuesById[3] = "BUTTON_ACTION_DOUBLE"] = 3;
                return values;
            })();

            v1.Event = (function() {

                /**
                 * Properties of an Event.
                 * @typedef {Object} parley.badge.v1.Event.$Properties
                 * @property {parley.badge.v1.EventKind|null} [kind] Event kind
                 * @property {number|null} [timeMs] Event timeMs
                 * @property {boolean|null} [clockSynced] Event clockSynced
                 * @property {number|null} [eventSeq] Event eventSeq
                 * @property {Uint8Array|null} [sessionId] Event sessionId
                 * @property {number|null} [frameIndex] Event frameIndex
                 * @property {parley.badge.v1.ButtonAction|null} [button] Event button
                 * @property {parley.badge.v1.DeviceState|null} [fromState] Event fromState
                 * @property {parley.badge.v1.DeviceState|null} [toState] Event toState
                 * @property {number|null} [errorCode] Event errorCode
                 * @property {number|null} [value] Event value
                 * @property {string|null} [detail] Event detail
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Event.
                 * @memberof parley.badge.v1
                 * @interface IEvent
                 * @augments parley.badge.v1.Event.$Properties
                 * @deprecated Use parley.badge.v1.Event.$Properties instead.
                 */

                /**
                 * Shape of an Event.
                 * @typedef {parley.badge.v1.Event.$Properties} parley.badge.v1.Event.$Shape
                 */

                /**
                 * Constructs a new Event.
                 * @memberof parley.badge.v1
                 * @classdesc Represents an Event.
                 * @constructor
                 * @param {parley.badge.v1.Event.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Event = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Event kind.
                 * @member {parley.badge.v1.EventKind} kind
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.kind = 0;

                /**
                 * Event timeMs.
                 * @member {number} timeMs
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Event clockSynced.
                 * @member {boolean} clockSynced
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.clockSynced = false;

                /**
                 * Event eventSeq.
                 * @member {number} eventSeq
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.eventSeq = 0;

                /**
                 * Event sessionId.
                 * @member {Uint8Array} sessionId
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.sessionId = $util.newBuffer([]);

                /**
                 * Event frameIndex.
                 * @member {number} frameIndex
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.frameIndex = 0;

                /**
                 * Event button.
                 * @member {parley.badge.v1.ButtonAction} button
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.button = 0;

                /**
                 * Event fromState.
                 * @member {parley.badge.v1.DeviceState} fromState
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.fromState = 0;

                /**
                 * Event toState.
                 * @member {parley.badge.v1.DeviceState} toState
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.toState = 0;

                /**
                 * Event errorCode.
                 * @member {number} errorCode
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.errorCode = 0;

                /**
                 * Event value.
                 * @member {number} value
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.value = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Event detail.
                 * @member {string} detail
                 * @memberof parley.badge.v1.Event
                 * @instance
                 */
                Event.prototype.detail = "";

                /**
                 * Creates a new Event instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.Event
                 * @static
                 * @param {parley.badge.v1.Event.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.Event} Event instance
                 * @type {{
                 *   (properties: parley.badge.v1.Event.$Shape): parley.badge.v1.Event & parley.badge.v1.Event.$Shape;
                 *   (properties?: parley.badge.v1.Event.$Properties): parley.badge.v1.Event;
                 * }}
                 */
                Event.create = function(properties) {
                    return new Event(properties);
                };

                /**
                 * Encodes the specified Event message. Does not implicitly {@link parley.badge.v1.Event.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.Event
                 * @static
                 * @param {parley.badge.v1.Event.$Properties} message Event message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Event.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
                    if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timeMs);
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced") && message.clockSynced !== false)
                        writer.uint32(/* id 3, wireType 0 =*/24).bool(message.clockSynced);
                    if (message.eventSeq != null && $Object.hasOwnProperty.call(message, "eventSeq") && message.eventSeq !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.eventSeq);
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId.length)
                        writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.sessionId);
                    if (message.frameIndex != null && $Object.hasOwnProperty.call(message, "frameIndex") && message.frameIndex !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.frameIndex);
                    if (message.button != null && $Object.hasOwnProperty.call(message, "button") && message.button !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).int32(message.button);
                    if (message.fromState != null && $Object.hasOwnProperty.call(message, "fromState") && message.fromState !== 0)
                        writer.uint32(/* id 8, wireType 0 =*/64).int32(message.fromState);
                    if (message.toState != null && $Object.hasOwnProperty.call(message, "toState") && message.toState !== 0)
                        writer.uint32(/* id 9, wireType 0 =*/72).int32(message.toState);
                    if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== 0)
                        writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.errorCode);
                    if (message.value != null && $Object.hasOwnProperty.call(message, "value") && (typeof message.value === "object" ? message.value.low || message.value.high : message.value !== 0))
                        writer.uint32(/* id 11, wireType 0 =*/88).sint64(message.value);
                    if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                        writer.uint32(/* id 12, wireType 2 =*/98).string(message.detail);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Event message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.Event
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.Event & parley.badge.v1.Event.$Shape} Event
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Event.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.Event();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.kind = value;
                                else
                                    delete message.kind;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.timeMs = value;
                                else
                                    delete message.timeMs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.clockSynced = value;
                                else
                                    delete message.clockSynced;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.eventSeq = value;
                                else
                                    delete message.eventSeq;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.frameIndex = value;
                                else
                                    delete message.frameIndex;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.button = value;
                                else
                                    delete message.button;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.fromState = value;
                                else
                                    delete message.fromState;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.toState = value;
                                else
                                    delete message.toState;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.errorCode = value;
                                else
                                    delete message.errorCode;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.value = value;
                                else
                                    delete message.value;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.detail = value;
                                else
                                    delete message.detail;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies an Event message.
                 * @function verify
                 * @memberof parley.badge.v1.Event
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Event.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                        if (typeof message.kind !== "number" || (message.kind | 0) !== message.kind)
                            return "kind: enum value expected";
                    if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                        if (!$util.isInteger(message.timeMs) && !(message.timeMs && $util.isInteger(message.timeMs.low) && $util.isInteger(message.timeMs.high)))
                            return "timeMs: integer|Long expected";
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced"))
                        if (typeof message.clockSynced !== "boolean")
                            return "clockSynced: boolean expected";
                    if (message.eventSeq != null && $Object.hasOwnProperty.call(message, "eventSeq"))
                        if (!$util.isInteger(message.eventSeq))
                            return "eventSeq: integer expected";
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        if (!(message.sessionId && typeof message.sessionId.length === "number" || $util.isString(message.sessionId)))
                            return "sessionId: buffer expected";
                    if (message.frameIndex != null && $Object.hasOwnProperty.call(message, "frameIndex"))
                        if (!$util.isInteger(message.frameIndex))
                            return "frameIndex: integer expected";
                    if (message.button != null && $Object.hasOwnProperty.call(message, "button"))
                        if (typeof message.button !== "number" || (message.button | 0) !== message.button)
                            return "button: enum value expected";
                    if (message.fromState != null && $Object.hasOwnProperty.call(message, "fromState"))
                        if (typeof message.fromState !== "number" || (message.fromState | 0) !== message.fromState)
                            return "fromState: enum value expected";
                    if (message.toState != null && $Object.hasOwnProperty.call(message, "toState"))
                        if (typeof message.toState !== "number" || (message.toState | 0) !== message.toState)
                            return "toState: enum value expected";
                    if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                        if (!$util.isInteger(message.errorCode))
                            return "errorCode: integer expected";
                    if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                        if (!$util.isInteger(message.value) && !(message.value && $util.isInteger(message.value.low) && $util.isInteger(message.value.high)))
                            return "value: integer|Long expected";
                    if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                        if (!$util.isString(message.detail))
                            return "detail: string expected";
                    return null;
                };

                /**
                 * Creates an Event message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.Event
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.Event} Event
                 */
                Event.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.Event)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.Event: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.Event();
                    if (object.kind !== 0 && (typeof object.kind !== "string" || $root.parley.badge.v1.EventKind[object.kind] !== 0))
                        switch (object.kind) {
                        case "EVENT_KIND_UNSPECIFIED":
                        case 0:
                            message.kind = 0;
                            break;
                        case "EVENT_KIND_BUTTON":
                        case 1:
                            message.kind = 1;
                            break;
                        case "EVENT_KIND_STATE_CHANGE":
                        case 2:
                            message.kind = 2;
                            break;
                        case "EVENT_KIND_ERROR":
                        case 3:
                            message.kind = 3;
                            break;
                        case "EVENT_KIND_BOOKMARK":
                        case 4:
                            message.kind = 4;
                            break;
                        case "EVENT_KIND_STORAGE_ALARM":
                        case 5:
                            message.kind = 5;
                            break;
                        case "EVENT_KIND_CLOCK_SYNCED":
                        case 6:
                            message.kind = 6;
                            break;
                        case "EVENT_KIND_BOOT":
                        case 7:
                            message.kind = 7;
                            break;
                        case "EVENT_KIND_FIRMWARE":
                        case 8:
                            message.kind = 8;
                            break;
                        case "EVENT_KIND_CONFIG_APPLIED":
                        case 9:
                            message.kind = 9;
                            break;
                        default:
                            if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                                message.kind = object.kind;
                        }
                    if (object.timeMs != null)
                        if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                            if ($util.Long)
                                message.timeMs = $util.Long.fromValue(object.timeMs, true);
                            else if (typeof object.timeMs === "string")
                                message.timeMs = $parseInt(object.timeMs, 10);
                            else if (typeof object.timeMs === "number")
                                message.timeMs = object.timeMs;
                            else if (typeof object.timeMs === "object")
                                message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber(true);
                    if (object.clockSynced != null)
                        if (object.clockSynced)
                            message.clockSynced = $Boolean(object.clockSynced);
                    if (object.eventSeq != null)
                        if ($Number(object.eventSeq) !== 0)
                            message.eventSeq = object.eventSeq >>> 0;
                    if (object.sessionId != null)
                        if (object.sessionId.length)
                            if (typeof object.sessionId === "string")
                                $util.base64.decode(object.sessionId, message.sessionId = $util.newBuffer($util.base64.length(object.sessionId)), 0);
                            else if (object.sessionId.length >= 0)
                                message.sessionId = object.sessionId;
                    if (object.frameIndex != null)
                        if ($Number(object.frameIndex) !== 0)
                            message.frameIndex = object.frameIndex >>> 0;
                    if (object.button !== 0 && (typeof object.button !== "string" || $root.parley.badge.v1.ButtonAction[object.button] !== 0))
                        switch (object.button) {
                        case "BUTTON_ACTION_NONE":
                        case 0:
                            message.button = 0;
                            break;
                        case "BUTTON_ACTION_SHORT":
                        case 1:
                            message.button = 1;
                            break;
                        case "BUTTON_ACTION_LONG":
                        case 2:
                            message.button = 2;
                            break;
                        case "BUTTON_ACTION_DOUBLE":
                        case 3:
                            message.button = 3;
                            break;
                        default:
                            if (typeof object.button === "number" && (object.button | 0) === object.button)
                                message.button = object.button;
                        }
                    if (object.fromState !== 0 && (typeof object.fromState !== "string" || $root.parley.badge.v1.DeviceState[object.fromState] !== 0))
                        switch (object.fromState) {
                        case "DEVICE_STATE_IDLE":
                        case 0:
                            message.fromState = 0;
                            break;
                        case "DEVICE_STATE_RECORDING":
                        case 1:
                            message.fromState = 1;
                            break;
                        case "DEVICE_STATE_MUTED":
                        case 2:
                            message.fromState = 2;
                            break;
                        case "DEVICE_STATE_STORAGE_FULL":
                        case 3:
                            message.fromState = 3;
                            break;
                        case "DEVICE_STATE_LOW_BATTERY":
                        case 4:
                            message.fromState = 4;
                            break;
                        case "DEVICE_STATE_LOCKED":
                        case 5:
                            message.fromState = 5;
                            break;
                        default:
                            if (typeof object.fromState === "number" && (object.fromState | 0) === object.fromState)
                                message.fromState = object.fromState;
                        }
                    if (object.toState !== 0 && (typeof object.toState !== "string" || $root.parley.badge.v1.DeviceState[object.toState] !== 0))
                        switch (object.toState) {
                        case "DEVICE_STATE_IDLE":
                        case 0:
                            message.toState = 0;
                            break;
                        case "DEVICE_STATE_RECORDING":
                        case 1:
                            message.toState = 1;
                            break;
                        case "DEVICE_STATE_MUTED":
                        case 2:
                            message.toState = 2;
                            break;
                        case "DEVICE_STATE_STORAGE_FULL":
                        case 3:
                            message.toState = 3;
                            break;
                        case "DEVICE_STATE_LOW_BATTERY":
                        case 4:
                            message.toState = 4;
                            break;
                        case "DEVICE_STATE_LOCKED":
                        case 5:
                            message.toState = 5;
                            break;
                        default:
                            if (typeof object.toState === "number" && (object.toState | 0) === object.toState)
                                message.toState = object.toState;
                        }
                    if (object.errorCode != null)
                        if ($Number(object.errorCode) !== 0)
                            message.errorCode = object.errorCode >>> 0;
                    if (object.value != null)
                        if (typeof object.value === "object" ? object.value.low || object.value.high : $Number(object.value) !== 0)
                            if ($util.Long)
                                message.value = $util.Long.fromValue(object.value, false);
                            else if (typeof object.value === "string")
                                message.value = $parseInt(object.value, 10);
                            else if (typeof object.value === "number")
                                message.value = object.value;
                            else if (typeof object.value === "object")
                                message.value = new $util.LongBits(object.value.low >>> 0, object.value.high >>> 0).toNumber();
                    if (object.detail != null)
                        if (typeof object.detail !== "string" || object.detail.length)
                            message.detail = $String(object.detail);
                    return message;
                };

                /**
                 * Creates a plain object from an Event message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.Event
                 * @static
                 * @param {parley.badge.v1.Event} message Event
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Event.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.kind = options.enums === $String ? "EVENT_KIND_UNSPECIFIED" : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.clockSynced = false;
                        object.eventSeq = 0;
                        if (options.bytes === $String)
                            object.sessionId = "";
                        else {
                            object.sessionId = [];
                            if (options.bytes !== $Array)
                                object.sessionId = $util.newBuffer(object.sessionId);
                        }
                        object.frameIndex = 0;
                        object.button = options.enums === $String ? "BUTTON_ACTION_NONE" : 0;
                        object.fromState = options.enums === $String ? "DEVICE_STATE_IDLE" : 0;
                        object.toState = options.enums === $String ? "DEVICE_STATE_IDLE" : 0;
                        object.errorCode = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, false);
                            object.value = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.value = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.detail = "";
                    }
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                        object.kind = options.enums === $String ? $root.parley.badge.v1.EventKind[message.kind] === $undefined ? message.kind : $root.parley.badge.v1.EventKind[message.kind] : message.kind;
                    if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.timeMs === "number")
                            object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                        else
                            object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber(true) : message.timeMs;
                    if (message.clockSynced != null && $Object.hasOwnProperty.call(message, "clockSynced"))
                        object.clockSynced = message.clockSynced;
                    if (message.eventSeq != null && $Object.hasOwnProperty.call(message, "eventSeq"))
                        object.eventSeq = message.eventSeq;
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        object.sessionId = options.bytes === $String ? $util.base64.encode(message.sessionId, 0, message.sessionId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sessionId) : message.sessionId;
                    if (message.frameIndex != null && $Object.hasOwnProperty.call(message, "frameIndex"))
                        object.frameIndex = message.frameIndex;
                    if (message.button != null && $Object.hasOwnProperty.call(message, "button"))
                        object.button = options.enums === $String ? $root.parley.badge.v1.ButtonAction[message.button] === $undefined ? message.button : $root.parley.badge.v1.ButtonAction[message.button] : message.button;
                    if (message.fromState != null && $Object.hasOwnProperty.call(message, "fromState"))
                        object.fromState = options.enums === $String ? $root.parley.badge.v1.DeviceState[message.fromState] === $undefined ? message.fromState : $root.parley.badge.v1.DeviceState[message.fromState] : message.fromState;
                    if (message.toState != null && $Object.hasOwnProperty.call(message, "toState"))
                        object.toState = options.enums === $String ? $root.parley.badge.v1.DeviceState[message.toState] === $undefined ? message.toState : $root.parley.badge.v1.DeviceState[message.toState] : message.toState;
                    if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                        object.errorCode = message.errorCode;
                    if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.value = typeof message.value === "number" ? $BigInt(message.value) : $util.Long.fromBits(message.value.low >>> 0, message.value.high >>> 0, false).toBigInt();
                        else if (typeof message.value === "number")
                            object.value = options.longs === $String ? $String(message.value) : message.value;
                        else
                            object.value = options.longs === $String ? $util.Long.prototype.toString.call(message.value) : options.longs === $Number ? new $util.LongBits(message.value.low >>> 0, message.value.high >>> 0).toNumber() : message.value;
                    if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                        object.detail = message.detail;
                    return object;
                };

                /**
                 * Converts this Event to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.Event
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Event.prototype.toJSON = function() {
                    return Event.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Event
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.Event
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Event.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.Event";
                };

                return Event;
            })();

            /**
             * CommandStatus enum.
             * @name parley.badge.v1.CommandStatus
             * @enum {number}
             * @property {number} COMMAND_STATUS_OK=0 COMMAND_STATUS_OK value
             * @property {number} COMMAND_STATUS_FAILED=1 COMMAND_STATUS_FAILED value
             * @property {number} COMMAND_STATUS_REJECTED=2 COMMAND_STATUS_REJECTED value
             * @property {number} COMMAND_STATUS_UNSUPPORTED=3 COMMAND_STATUS_UNSUPPORTED value
             * @property {number} COMMAND_STATUS_IN_PROGRESS=4 COMMAND_STATUS_IN_PROGRESS value
             * @property {number} COMMAND_STATUS_EXPIRED=5 COMMAND_STATUS_EXPIRED value
             */
            v1.CommandStatus = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "COMMAND_STATUS_OK"] = 0;
                values[valuesById[1] = "COMMAND_STATUS_FAILED"] = 1;
                values[valuesById[2] = "COMMAND_STATUS_REJECTED"] = 2;
                values[valuesById[3] = "COMMAND_STATUS_UNSUPPORTED"] = 3;
                values[valuesById[4] = "COMMAND_STATUS_IN_PROGRESS"] = 4;
                values[valuesById[5] = "COMMAND_STATUS_EXPIRED"] = 5;
                return values;
            })();

            v1.CommandResult = (function() {

                /**
                 * Properties of a CommandResult.
                 * @typedef {Object} parley.badge.v1.CommandResult.$Properties
                 * @property {string|null} [commandId] CommandResult commandId
                 * @property {parley.badge.v1.CommandStatus|null} [status] CommandResult status
                 * @property {string|null} [detail] CommandResult detail
                 * @property {number|null} [timeMs] CommandResult timeMs
                 * @property {number|null} [progress] CommandResult progress
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a CommandResult.
                 * @memberof parley.badge.v1
                 * @interface ICommandResult
                 * @augments parley.badge.v1.CommandResult.$Properties
                 * @deprecated Use parley.badge.v1.CommandResult.$Properties instead.
                 */

                /**
                 * Shape of a CommandResult.
                 * @typedef {parley.badge.v1.CommandResult.$Properties} parley.badge.v1.CommandResult.$Shape
                 */

                /**
                 * Constructs a new CommandResult.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a CommandResult.
                 * @constructor
                 * @param {parley.badge.v1.CommandResult.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const CommandResult = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * CommandResult commandId.
                 * @member {string} commandId
                 * @memberof parley.badge.v1.CommandResult
                 * @instance
                 */
                CommandResult.prototype.commandId = "";

                /**
                 * CommandResult status.
                 * @member {parley.badge.v1.CommandStatus} status
                 * @memberof parley.badge.v1.CommandResult
                 * @instance
                 */
                CommandResult.prototype.status = 0;

                /**
                 * CommandResult detail.
                 * @member {string} detail
                 * @memberof parley.badge.v1.CommandResult
                 * @instance
                 */
                CommandResult.prototype.detail = "";

                /**
                 * CommandResult timeMs.
                 * @member {number} timeMs
                 * @memberof parley.badge.v1.CommandResult
                 * @instance
                 */
                CommandResult.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * CommandResult progress.
                 * @member {number} progress
                 * @memberof parley.badge.v1.CommandResult
                 * @instance
                 */
                CommandResult.prototype.progress = 0;

                /**
                 * Creates a new CommandResult instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.CommandResult
                 * @static
                 * @param {parley.badge.v1.CommandResult.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.CommandResult} CommandResult instance
                 * @type {{
                 *   (properties: parley.badge.v1.CommandResult.$Shape): parley.badge.v1.CommandResult & parley.badge.v1.CommandResult.$Shape;
                 *   (properties?: parley.badge.v1.CommandResult.$Properties): parley.badge.v1.CommandResult;
                 * }}
                 */
                CommandResult.create = function(properties) {
                    return new CommandResult(properties);
                };

                /**
                 * Encodes the specified CommandResult message. Does not implicitly {@link parley.badge.v1.CommandResult.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.CommandResult
                 * @static
                 * @param {parley.badge.v1.CommandResult.$Properties} message CommandResult message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CommandResult.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.commandId != null && $Object.hasOwnProperty.call(message, "commandId") && message.commandId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.commandId);
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.status);
                    if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.detail);
                    if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.timeMs);
                    if (message.progress != null && $Object.hasOwnProperty.call(message, "progress") && message.progress !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.progress);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a CommandResult message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.CommandResult
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.CommandResult & parley.badge.v1.CommandResult.$Shape} CommandResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CommandResult.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.CommandResult();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.commandId = value;
                                else
                                    delete message.commandId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.status = value;
                                else
                                    delete message.status;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.detail = value;
                                else
                                    delete message.detail;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.timeMs = value;
                                else
                                    delete message.timeMs;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.progress = value;
                                else
                                    delete message.progress;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a CommandResult message.
                 * @function verify
                 * @memberof parley.badge.v1.CommandResult
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                CommandResult.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.commandId != null && $Object.hasOwnProperty.call(message, "commandId"))
                        if (!$util.isString(message.commandId))
                            return "commandId: string expected";
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                        if (typeof message.status !== "number" || (message.status | 0) !== message.status)
                            return "status: enum value expected";
                    if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                        if (!$util.isString(message.detail))
                            return "detail: string expected";
                    if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                        if (!$util.isInteger(message.timeMs) && !(message.timeMs && $util.isInteger(message.timeMs.low) && $util.isInteger(message.timeMs.high)))
                            return "timeMs: integer|Long expected";
                    if (message.progress != null && $Object.hasOwnProperty.call(message, "progress"))
                        if (!$util.isInteger(message.progress))
                            return "progress: integer expected";
                    return null;
                };

                /**
                 * Creates a CommandResult message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.CommandResult
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.CommandResult} CommandResult
                 */
                CommandResult.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.CommandResult)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.CommandResult: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.CommandResult();
                    if (object.commandId != null)
                        if (typeof object.commandId !== "string" || object.commandId.length)
                            message.commandId = $String(object.commandId);
                    if (object.status !== 0 && (typeof object.status !== "string" || $root.parley.badge.v1.CommandStatus[object.status] !== 0))
                        switch (object.status) {
                        case "COMMAND_STATUS_OK":
                        case 0:
                            message.status = 0;
                            break;
                        case "COMMAND_STATUS_FAILED":
                        case 1:
                            message.status = 1;
                            break;
                        case "COMMAND_STATUS_REJECTED":
                        case 2:
                            message.status = 2;
                            break;
                        case "COMMAND_STATUS_UNSUPPORTED":
                        case 3:
                            message.status = 3;
                            break;
                        case "COMMAND_STATUS_IN_PROGRESS":
                        case 4:
                            message.status = 4;
                            break;
                        case "COMMAND_STATUS_EXPIRED":
                        case 5:
                            message.status = 5;
                            break;
                        default:
                            if (typeof object.status === "number" && (object.status | 0) === object.status)
                                message.status = object.status;
                        }
                    if (object.detail != null)
                        if (typeof object.detail !== "string" || object.detail.length)
                            message.detail = $String(object.detail);
                    if (object.timeMs != null)
                        if (typeof object.timeMs === "object" ? object.timeMs.low || object.timeMs.high : $Number(object.timeMs) !== 0)
                            if ($util.Long)
                                message.timeMs = $util.Long.fromValue(object.timeMs, true);
                            else if (typeof object.timeMs === "string")
                                message.timeMs = $parseInt(object.timeMs, 10);
                            else if (typeof object.timeMs === "number")
                                message.timeMs = object.timeMs;
                            else if (typeof object.timeMs === "object")
                                message.timeMs = new $util.LongBits(object.timeMs.low >>> 0, object.timeMs.high >>> 0).toNumber(true);
                    if (object.progress != null)
                        if ($Number(object.progress) !== 0)
                            message.progress = object.progress >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a CommandResult message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.CommandResult
                 * @static
                 * @param {parley.badge.v1.CommandResult} message CommandResult
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                CommandResult.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.commandId = "";
                        object.status = options.enums === $String ? "COMMAND_STATUS_OK" : 0;
                        object.detail = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.timeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.timeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.progress = 0;
                    }
                    if (message.commandId != null && $Object.hasOwnProperty.call(message, "commandId"))
                        object.commandId = message.commandId;
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                        object.status = options.enums === $String ? $root.parley.badge.v1.CommandStatus[message.status] === $undefined ? message.status : $root.parley.badge.v1.CommandStatus[message.status] : message.status;
                    if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                        object.detail = message.detail;
                    if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.timeMs = typeof message.timeMs === "number" ? $BigInt(message.timeMs) : $util.Long.fromBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.timeMs === "number")
                            object.timeMs = options.longs === $String ? $String(message.timeMs) : message.timeMs;
                        else
                            object.timeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeMs) : options.longs === $Number ? new $util.LongBits(message.timeMs.low >>> 0, message.timeMs.high >>> 0).toNumber(true) : message.timeMs;
                    if (message.progress != null && $Object.hasOwnProperty.call(message, "progress"))
                        object.progress = message.progress;
                    return object;
                };

                /**
                 * Converts this CommandResult to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.CommandResult
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                CommandResult.prototype.toJSON = function() {
                    return CommandResult.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for CommandResult
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.CommandResult
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                CommandResult.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.CommandResult";
                };

                return CommandResult;
            })();

            v1.FirmwareRequest = (function() {

                /**
                 * Properties of a FirmwareRequest.
                 * @typedef {Object} parley.badge.v1.FirmwareRequest.$Properties
                 * @property {string|null} [releaseId] FirmwareRequest releaseId
                 * @property {number|null} [offset] FirmwareRequest offset
                 * @property {number|null} [length] FirmwareRequest length
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a FirmwareRequest.
                 * @memberof parley.badge.v1
                 * @interface IFirmwareRequest
                 * @augments parley.badge.v1.FirmwareRequest.$Properties
                 * @deprecated Use parley.badge.v1.FirmwareRequest.$Properties instead.
                 */

                /**
                 * Shape of a FirmwareRequest.
                 * @typedef {parley.badge.v1.FirmwareRequest.$Properties} parley.badge.v1.FirmwareRequest.$Shape
                 */

                /**
                 * Constructs a new FirmwareRequest.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a FirmwareRequest.
                 * @constructor
                 * @param {parley.badge.v1.FirmwareRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const FirmwareRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * FirmwareRequest releaseId.
                 * @member {string} releaseId
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @instance
                 */
                FirmwareRequest.prototype.releaseId = "";

                /**
                 * FirmwareRequest offset.
                 * @member {number} offset
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @instance
                 */
                FirmwareRequest.prototype.offset = 0;

                /**
                 * FirmwareRequest length.
                 * @member {number} length
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @instance
                 */
                FirmwareRequest.prototype.length = 0;

                /**
                 * Creates a new FirmwareRequest instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @static
                 * @param {parley.badge.v1.FirmwareRequest.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.FirmwareRequest} FirmwareRequest instance
                 * @type {{
                 *   (properties: parley.badge.v1.FirmwareRequest.$Shape): parley.badge.v1.FirmwareRequest & parley.badge.v1.FirmwareRequest.$Shape;
                 *   (properties?: parley.badge.v1.FirmwareRequest.$Properties): parley.badge.v1.FirmwareRequest;
                 * }}
                 */
                FirmwareRequest.create = function(properties) {
                    return new FirmwareRequest(properties);
                };

                /**
                 * Encodes the specified FirmwareRequest message. Does not implicitly {@link parley.badge.v1.FirmwareRequest.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @static
                 * @param {parley.badge.v1.FirmwareRequest.$Properties} message FirmwareRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                FirmwareRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.releaseId != null && $Object.hasOwnProperty.call(message, "releaseId") && message.releaseId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.releaseId);
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && message.offset !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.offset);
                    if (message.length != null && $Object.hasOwnProperty.call(message, "length") && message.length !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.length);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a FirmwareRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.FirmwareRequest & parley.badge.v1.FirmwareRequest.$Shape} FirmwareRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                FirmwareRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.FirmwareRequest();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.releaseId = value;
                                else
                                    delete message.releaseId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.offset = value;
                                else
                                    delete message.offset;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.length = value;
                                else
                                    delete message.length;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a FirmwareRequest message.
                 * @function verify
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                FirmwareRequest.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.releaseId != null && $Object.hasOwnProperty.call(message, "releaseId"))
                        if (!$util.isString(message.releaseId))
                            return "releaseId: string expected";
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                        if (!$util.isInteger(message.offset))
                            return "offset: integer expected";
                    if (message.length != null && $Object.hasOwnProperty.call(message, "length"))
                        if (!$util.isInteger(message.length))
                            return "length: integer expected";
                    return null;
                };

                /**
                 * Creates a FirmwareRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.FirmwareRequest} FirmwareRequest
                 */
                FirmwareRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.FirmwareRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.FirmwareRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.FirmwareRequest();
                    if (object.releaseId != null)
                        if (typeof object.releaseId !== "string" || object.releaseId.length)
                            message.releaseId = $String(object.releaseId);
                    if (object.offset != null)
                        if ($Number(object.offset) !== 0)
                            message.offset = object.offset >>> 0;
                    if (object.length != null)
                        if ($Number(object.length) !== 0)
                            message.length = object.length >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a FirmwareRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @static
                 * @param {parley.badge.v1.FirmwareRequest} message FirmwareRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                FirmwareRequest.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.releaseId = "";
                        object.offset = 0;
                        object.length = 0;
                    }
                    if (message.releaseId != null && $Object.hasOwnProperty.call(message, "releaseId"))
                        object.releaseId = message.releaseId;
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                        object.offset = message.offset;
                    if (message.length != null && $Object.hasOwnProperty.call(message, "length"))
                        object.length = message.length;
                    return object;
                };

                /**
                 * Converts this FirmwareRequest to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                FirmwareRequest.prototype.toJSON = function() {
                    return FirmwareRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for FirmwareRequest
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.FirmwareRequest
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                FirmwareRequest.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.FirmwareRequest";
                };

                return FirmwareRequest;
            })();

            /**
             * Capability enum.
             * @name parley.badge.v1.Capability
             * @enum {number}
             * @property {number} CAPABILITY_NONE=0 CAPABILITY_NONE value
             * @property {number} CAPABILITY_PACKED_FRAMES=1 CAPABILITY_PACKED_FRAMES value
             * @property {number} CAPABILITY_COMPACT_CHUNKS=2 CAPABILITY_COMPACT_CHUNKS value
             */
            v1.Capability = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "CAPABILITY_NONE"] = 0;
                values[valuesById[1] = "CAPABILITY_PACKED_FRAMES"] = 1;
                values[valuesById[2] = "CAPABILITY_COMPACT_CHUNKS"] = 2;
                return values;
            })();

            v1.HelloReply = (function() {

                /**
                 * Properties of a HelloReply.
                 * @typedef {Object} parley.badge.v1.HelloReply.$Properties
                 * @property {number|null} [serverTimeMs] HelloReply serverTimeMs
                 * @property {number|null} [wantedConfigVersion] HelloReply wantedConfigVersion
                 * @property {Array.<parley.badge.v1.ResumePoint.$Properties>|null} [resume] HelloReply resume
                 * @property {boolean|null} [locked] HelloReply locked
                 * @property {number|null} [capabilities] HelloReply capabilities
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a HelloReply.
                 * @memberof parley.badge.v1
                 * @interface IHelloReply
                 * @augments parley.badge.v1.HelloReply.$Properties
                 * @deprecated Use parley.badge.v1.HelloReply.$Properties instead.
                 */

                /**
                 * Shape of a HelloReply.
                 * @typedef {parley.badge.v1.HelloReply.$Properties} parley.badge.v1.HelloReply.$Shape
                 */

                /**
                 * Constructs a new HelloReply.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a HelloReply.
                 * @constructor
                 * @param {parley.badge.v1.HelloReply.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const HelloReply = function (properties) {
                    this.resume = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * HelloReply serverTimeMs.
                 * @member {number} serverTimeMs
                 * @memberof parley.badge.v1.HelloReply
                 * @instance
                 */
                HelloReply.prototype.serverTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * HelloReply wantedConfigVersion.
                 * @member {number} wantedConfigVersion
                 * @memberof parley.badge.v1.HelloReply
                 * @instance
                 */
                HelloReply.prototype.wantedConfigVersion = 0;

                /**
                 * HelloReply resume.
                 * @member {Array.<parley.badge.v1.ResumePoint.$Properties>} resume
                 * @memberof parley.badge.v1.HelloReply
                 * @instance
                 */
                HelloReply.prototype.resume = $util.emptyArray;

                /**
                 * HelloReply locked.
                 * @member {boolean} locked
                 * @memberof parley.badge.v1.HelloReply
                 * @instance
                 */
                HelloReply.prototype.locked = false;

                /**
                 * HelloReply capabilities.
                 * @member {number} capabilities
                 * @memberof parley.badge.v1.HelloReply
                 * @instance
                 */
                HelloReply.prototype.capabilities = 0;

                /**
                 * Creates a new HelloReply instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.HelloReply
                 * @static
                 * @param {parley.badge.v1.HelloReply.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.HelloReply} HelloReply instance
                 * @type {{
                 *   (properties: parley.badge.v1.HelloReply.$Shape): parley.badge.v1.HelloReply & parley.badge.v1.HelloReply.$Shape;
                 *   (properties?: parley.badge.v1.HelloReply.$Properties): parley.badge.v1.HelloReply;
                 * }}
                 */
                HelloReply.create = function(properties) {
                    return new HelloReply(properties);
                };

                /**
                 * Encodes the specified HelloReply message. Does not implicitly {@link parley.badge.v1.HelloReply.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.HelloReply
                 * @static
                 * @param {parley.badge.v1.HelloReply.$Properties} message HelloReply message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                HelloReply.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.serverTimeMs != null && $Object.hasOwnProperty.call(message, "serverTimeMs") && (typeof message.serverTimeMs === "object" ? message.serverTimeMs.low || message.serverTimeMs.high : message.serverTimeMs !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.serverTimeMs);
                    if (message.wantedConfigVersion != null && $Object.hasOwnProperty.call(message, "wantedConfigVersion") && message.wantedConfigVersion !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.wantedConfigVersion);
                    if (message.resume != null && message.resume.length)
                        for (let i = 0; i < message.resume.length; ++i)
                            $root.parley.badge.v1.ResumePoint.encode(message.resume[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.locked != null && $Object.hasOwnProperty.call(message, "locked") && message.locked !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.locked);
                    if (message.capabilities != null && $Object.hasOwnProperty.call(message, "capabilities") && message.capabilities !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.capabilities);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a HelloReply message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.HelloReply
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.HelloReply & parley.badge.v1.HelloReply.$Shape} HelloReply
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                HelloReply.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.HelloReply();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.serverTimeMs = value;
                                else
                                    delete message.serverTimeMs;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.wantedConfigVersion = value;
                                else
                                    delete message.wantedConfigVersion;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.resume && message.resume.length))
                                    message.resume = [];
                                message.resume.push($root.parley.badge.v1.ResumePoint.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.locked = value;
                                else
                                    delete message.locked;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.capabilities = value;
                                else
                                    delete message.capabilities;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a HelloReply message.
                 * @function verify
                 * @memberof parley.badge.v1.HelloReply
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                HelloReply.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.serverTimeMs != null && $Object.hasOwnProperty.call(message, "serverTimeMs"))
                        if (!$util.isInteger(message.serverTimeMs) && !(message.serverTimeMs && $util.isInteger(message.serverTimeMs.low) && $util.isInteger(message.serverTimeMs.high)))
                            return "serverTimeMs: integer|Long expected";
                    if (message.wantedConfigVersion != null && $Object.hasOwnProperty.call(message, "wantedConfigVersion"))
                        if (!$util.isInteger(message.wantedConfigVersion))
                            return "wantedConfigVersion: integer expected";
                    if (message.resume != null && $Object.hasOwnProperty.call(message, "resume")) {
                        if (!$Array.isArray(message.resume))
                            return "resume: array expected";
                        for (let i = 0; i < message.resume.length; ++i) {
                            let error = $root.parley.badge.v1.ResumePoint.verify(message.resume[i], _depth + 1);
                            if (error)
                                return "resume." + error;
                        }
                    }
                    if (message.locked != null && $Object.hasOwnProperty.call(message, "locked"))
                        if (typeof message.locked !== "boolean")
                            return "locked: boolean expected";
                    if (message.capabilities != null && $Object.hasOwnProperty.call(message, "capabilities"))
                        if (!$util.isInteger(message.capabilities))
                            return "capabilities: integer expected";
                    return null;
                };

                /**
                 * Creates a HelloReply message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.HelloReply
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.HelloReply} HelloReply
                 */
                HelloReply.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.HelloReply)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.HelloReply: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.HelloReply();
                    if (object.serverTimeMs != null)
                        if (typeof object.serverTimeMs === "object" ? object.serverTimeMs.low || object.serverTimeMs.high : $Number(object.serverTimeMs) !== 0)
                            if ($util.Long)
                                message.serverTimeMs = $util.Long.fromValue(object.serverTimeMs, true);
                            else if (typeof object.serverTimeMs === "string")
                                message.serverTimeMs = $parseInt(object.serverTimeMs, 10);
                            else if (typeof object.serverTimeMs === "number")
                                message.serverTimeMs = object.serverTimeMs;
                            else if (typeof object.serverTimeMs === "object")
                                message.serverTimeMs = new $util.LongBits(object.serverTimeMs.low >>> 0, object.serverTimeMs.high >>> 0).toNumber(true);
                    if (object.wantedConfigVersion != null)
                        if ($Number(object.wantedConfigVersion) !== 0)
                            message.wantedConfigVersion = object.wantedConfigVersion >>> 0;
                    if (object.resume) {
                        if (!$Array.isArray(object.resume))
                            throw $TypeError(".parley.badge.v1.HelloReply.resume: array expected");
                        message.resume = $Array(object.resume.length);
                        for (let i = 0; i < object.resume.length; ++i) {
                            if (!$util.isObject(object.resume[i]))
                                throw $TypeError(".parley.badge.v1.HelloReply.resume: object expected");
                            message.resume[i] = $root.parley.badge.v1.ResumePoint.fromObject(object.resume[i], _depth + 1);
                        }
                    }
                    if (object.locked != null)
                        if (object.locked)
                            message.locked = $Boolean(object.locked);
                    if (object.capabilities != null)
                        if ($Number(object.capabilities) !== 0)
                            message.capabilities = object.capabilities >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a HelloReply message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.HelloReply
                 * @static
                 * @param {parley.badge.v1.HelloReply} message HelloReply
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                HelloReply.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.resume = [];
                    if (options.defaults) {
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.serverTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.serverTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.wantedConfigVersion = 0;
                        object.locked = false;
                        object.capabilities = 0;
                    }
                    if (message.serverTimeMs != null && $Object.hasOwnProperty.call(message, "serverTimeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.serverTimeMs = typeof message.serverTimeMs === "number" ? $BigInt(message.serverTimeMs) : $util.Long.fromBits(message.serverTimeMs.low >>> 0, message.serverTimeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.serverTimeMs === "number")
                            object.serverTimeMs = options.longs === $String ? $String(message.serverTimeMs) : message.serverTimeMs;
                        else
                            object.serverTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.serverTimeMs) : options.longs === $Number ? new $util.LongBits(message.serverTimeMs.low >>> 0, message.serverTimeMs.high >>> 0).toNumber(true) : message.serverTimeMs;
                    if (message.wantedConfigVersion != null && $Object.hasOwnProperty.call(message, "wantedConfigVersion"))
                        object.wantedConfigVersion = message.wantedConfigVersion;
                    if (message.resume && message.resume.length) {
                        object.resume = $Array(message.resume.length);
                        for (let j = 0; j < message.resume.length; ++j)
                            object.resume[j] = $root.parley.badge.v1.ResumePoint.toObject(message.resume[j], options, _depth + 1);
                    }
                    if (message.locked != null && $Object.hasOwnProperty.call(message, "locked"))
                        object.locked = message.locked;
                    if (message.capabilities != null && $Object.hasOwnProperty.call(message, "capabilities"))
                        object.capabilities = message.capabilities;
                    return object;
                };

                /**
                 * Converts this HelloReply to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.HelloReply
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                HelloReply.prototype.toJSON = function() {
                    return HelloReply.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for HelloReply
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.HelloReply
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                HelloReply.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.HelloReply";
                };

                return HelloReply;
            })();

            v1.ResumePoint = (function() {

                /**
                 * Properties of a ResumePoint.
                 * @typedef {Object} parley.badge.v1.ResumePoint.$Properties
                 * @property {Uint8Array|null} [sessionId] ResumePoint sessionId
                 * @property {number|null} [receivedThrough] ResumePoint receivedThrough
                 * @property {Array.<parley.badge.v1.SeqRange.$Properties>|null} [missing] ResumePoint missing
                 * @property {boolean|null} [complete] ResumePoint complete
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ResumePoint.
                 * @memberof parley.badge.v1
                 * @interface IResumePoint
                 * @augments parley.badge.v1.ResumePoint.$Properties
                 * @deprecated Use parley.badge.v1.ResumePoint.$Properties instead.
                 */

                /**
                 * Shape of a ResumePoint.
                 * @typedef {parley.badge.v1.ResumePoint.$Properties} parley.badge.v1.ResumePoint.$Shape
                 */

                /**
                 * Constructs a new ResumePoint.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a ResumePoint.
                 * @constructor
                 * @param {parley.badge.v1.ResumePoint.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ResumePoint = function (properties) {
                    this.missing = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ResumePoint sessionId.
                 * @member {Uint8Array} sessionId
                 * @memberof parley.badge.v1.ResumePoint
                 * @instance
                 */
                ResumePoint.prototype.sessionId = $util.newBuffer([]);

                /**
                 * ResumePoint receivedThrough.
                 * @member {number} receivedThrough
                 * @memberof parley.badge.v1.ResumePoint
                 * @instance
                 */
                ResumePoint.prototype.receivedThrough = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * ResumePoint missing.
                 * @member {Array.<parley.badge.v1.SeqRange.$Properties>} missing
                 * @memberof parley.badge.v1.ResumePoint
                 * @instance
                 */
                ResumePoint.prototype.missing = $util.emptyArray;

                /**
                 * ResumePoint complete.
                 * @member {boolean} complete
                 * @memberof parley.badge.v1.ResumePoint
                 * @instance
                 */
                ResumePoint.prototype.complete = false;

                /**
                 * Creates a new ResumePoint instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.ResumePoint
                 * @static
                 * @param {parley.badge.v1.ResumePoint.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.ResumePoint} ResumePoint instance
                 * @type {{
                 *   (properties: parley.badge.v1.ResumePoint.$Shape): parley.badge.v1.ResumePoint & parley.badge.v1.ResumePoint.$Shape;
                 *   (properties?: parley.badge.v1.ResumePoint.$Properties): parley.badge.v1.ResumePoint;
                 * }}
                 */
                ResumePoint.create = function(properties) {
                    return new ResumePoint(properties);
                };

                /**
                 * Encodes the specified ResumePoint message. Does not implicitly {@link parley.badge.v1.ResumePoint.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.ResumePoint
                 * @static
                 * @param {parley.badge.v1.ResumePoint.$Properties} message ResumePoint message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ResumePoint.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.sessionId);
                    if (message.receivedThrough != null && $Object.hasOwnProperty.call(message, "receivedThrough") && (typeof message.receivedThrough === "object" ? message.receivedThrough.low || message.receivedThrough.high : message.receivedThrough !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).sint64(message.receivedThrough);
                    if (message.missing != null && message.missing.length)
                        for (let i = 0; i < message.missing.length; ++i)
                            $root.parley.badge.v1.SeqRange.encode(message.missing[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.complete != null && $Object.hasOwnProperty.call(message, "complete") && message.complete !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.complete);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ResumePoint message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.ResumePoint
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.ResumePoint & parley.badge.v1.ResumePoint.$Shape} ResumePoint
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ResumePoint.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.ResumePoint();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.receivedThrough = value;
                                else
                                    delete message.receivedThrough;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.missing && message.missing.length))
                                    message.missing = [];
                                message.missing.push($root.parley.badge.v1.SeqRange.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.complete = value;
                                else
                                    delete message.complete;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a ResumePoint message.
                 * @function verify
                 * @memberof parley.badge.v1.ResumePoint
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                ResumePoint.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        if (!(message.sessionId && typeof message.sessionId.length === "number" || $util.isString(message.sessionId)))
                            return "sessionId: buffer expected";
                    if (message.receivedThrough != null && $Object.hasOwnProperty.call(message, "receivedThrough"))
                        if (!$util.isInteger(message.receivedThrough) && !(message.receivedThrough && $util.isInteger(message.receivedThrough.low) && $util.isInteger(message.receivedThrough.high)))
                            return "receivedThrough: integer|Long expected";
                    if (message.missing != null && $Object.hasOwnProperty.call(message, "missing")) {
                        if (!$Array.isArray(message.missing))
                            return "missing: array expected";
                        for (let i = 0; i < message.missing.length; ++i) {
                            let error = $root.parley.badge.v1.SeqRange.verify(message.missing[i], _depth + 1);
                            if (error)
                                return "missing." + error;
                        }
                    }
                    if (message.complete != null && $Object.hasOwnProperty.call(message, "complete"))
                        if (typeof message.complete !== "boolean")
                            return "complete: boolean expected";
                    return null;
                };

                /**
                 * Creates a ResumePoint message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.ResumePoint
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.ResumePoint} ResumePoint
                 */
                ResumePoint.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.ResumePoint)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.ResumePoint: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.ResumePoint();
                    if (object.sessionId != null)
                        if (object.sessionId.length)
                            if (typeof object.sessionId === "string")
                                $util.base64.decode(object.sessionId, message.sessionId = $util.newBuffer($util.base64.length(object.sessionId)), 0);
                            else if (object.sessionId.length >= 0)
                                message.sessionId = object.sessionId;
                    if (object.receivedThrough != null)
                        if (typeof object.receivedThrough === "object" ? object.receivedThrough.low || object.receivedThrough.high : $Number(object.receivedThrough) !== 0)
                            if ($util.Long)
                                message.receivedThrough = $util.Long.fromValue(object.receivedThrough, false);
                            else if (typeof object.receivedThrough === "string")
                                message.receivedThrough = $parseInt(object.receivedThrough, 10);
                            else if (typeof object.receivedThrough === "number")
                                message.receivedThrough = object.receivedThrough;
                            else if (typeof object.receivedThrough === "object")
                                message.receivedThrough = new $util.LongBits(object.receivedThrough.low >>> 0, object.receivedThrough.high >>> 0).toNumber();
                    if (object.missing) {
                        if (!$Array.isArray(object.missing))
                            throw $TypeError(".parley.badge.v1.ResumePoint.missing: array expected");
                        message.missing = $Array(object.missing.length);
                        for (let i = 0; i < object.missing.length; ++i) {
                            if (!$util.isObject(object.missing[i]))
                                throw $TypeError(".parley.badge.v1.ResumePoint.missing: object expected");
                            message.missing[i] = $root.parley.badge.v1.SeqRange.fromObject(object.missing[i], _depth + 1);
                        }
                    }
                    if (object.complete != null)
                        if (object.complete)
                            message.complete = $Boolean(object.complete);
                    return message;
                };

                /**
                 * Creates a plain object from a ResumePoint message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.ResumePoint
                 * @static
                 * @param {parley.badge.v1.ResumePoint} message ResumePoint
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ResumePoint.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.missing = [];
                    if (options.defaults) {
                        if (options.bytes === $String)
                            object.sessionId = "";
                        else {
                            object.sessionId = [];
                            if (options.bytes !== $Array)
                                object.sessionId = $util.newBuffer(object.sessionId);
                        }
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, false);
                            object.receivedThrough = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.receivedThrough = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.complete = false;
                    }
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        object.sessionId = options.bytes === $String ? $util.base64.encode(message.sessionId, 0, message.sessionId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sessionId) : message.sessionId;
                    if (message.receivedThrough != null && $Object.hasOwnProperty.call(message, "receivedThrough"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.receivedThrough = typeof message.receivedThrough === "number" ? $BigInt(message.receivedThrough) : $util.Long.fromBits(message.receivedThrough.low >>> 0, message.receivedThrough.high >>> 0, false).toBigInt();
                        else if (typeof message.receivedThrough === "number")
                            object.receivedThrough = options.longs === $String ? $String(message.receivedThrough) : message.receivedThrough;
                        else
                            object.receivedThrough = options.longs === $String ? $util.Long.prototype.toString.call(message.receivedThrough) : options.longs === $Number ? new $util.LongBits(message.receivedThrough.low >>> 0, message.receivedThrough.high >>> 0).toNumber() : message.receivedThrough;
                    if (message.missing && message.missing.length) {
                        object.missing = $Array(message.missing.length);
                        for (let j = 0; j < message.missing.length; ++j)
                            object.missing[j] = $root.parley.badge.v1.SeqRange.toObject(message.missing[j], options, _depth + 1);
                    }
                    if (message.complete != null && $Object.hasOwnProperty.call(message, "complete"))
                        object.complete = message.complete;
                    return object;
                };

                /**
                 * Converts this ResumePoint to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.ResumePoint
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ResumePoint.prototype.toJSON = function() {
                    return ResumePoint.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for ResumePoint
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.ResumePoint
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ResumePoint.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.ResumePoint";
                };

                return ResumePoint;
            })();

            v1.ChunkAck = (function() {

                /**
                 * Properties of a ChunkAck.
                 * @typedef {Object} parley.badge.v1.ChunkAck.$Properties
                 * @property {Uint8Array|null} [sessionId] ChunkAck sessionId
                 * @property {number|null} [contiguousThrough] ChunkAck contiguousThrough
                 * @property {Array.<parley.badge.v1.SeqRange.$Properties>|null} [missing] ChunkAck missing
                 * @property {boolean|null} [complete] ChunkAck complete
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ChunkAck.
                 * @memberof parley.badge.v1
                 * @interface IChunkAck
                 * @augments parley.badge.v1.ChunkAck.$Properties
                 * @deprecated Use parley.badge.v1.ChunkAck.$Properties instead.
                 */

                /**
                 * Shape of a ChunkAck.
                 * @typedef {parley.badge.v1.ChunkAck.$Properties} parley.badge.v1.ChunkAck.$Shape
                 */

                /**
                 * Constructs a new ChunkAck.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a ChunkAck.
                 * @constructor
                 * @param {parley.badge.v1.ChunkAck.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ChunkAck = function (properties) {
                    this.missing = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ChunkAck sessionId.
                 * @member {Uint8Array} sessionId
                 * @memberof parley.badge.v1.ChunkAck
                 * @instance
                 */
                ChunkAck.prototype.sessionId = $util.newBuffer([]);

                /**
                 * ChunkAck contiguousThrough.
                 * @member {number} contiguousThrough
                 * @memberof parley.badge.v1.ChunkAck
                 * @instance
                 */
                ChunkAck.prototype.contiguousThrough = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * ChunkAck missing.
                 * @member {Array.<parley.badge.v1.SeqRange.$Properties>} missing
                 * @memberof parley.badge.v1.ChunkAck
                 * @instance
                 */
                ChunkAck.prototype.missing = $util.emptyArray;

                /**
                 * ChunkAck complete.
                 * @member {boolean} complete
                 * @memberof parley.badge.v1.ChunkAck
                 * @instance
                 */
                ChunkAck.prototype.complete = false;

                /**
                 * Creates a new ChunkAck instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.ChunkAck
                 * @static
                 * @param {parley.badge.v1.ChunkAck.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.ChunkAck} ChunkAck instance
                 * @type {{
                 *   (properties: parley.badge.v1.ChunkAck.$Shape): parley.badge.v1.ChunkAck & parley.badge.v1.ChunkAck.$Shape;
                 *   (properties?: parley.badge.v1.ChunkAck.$Properties): parley.badge.v1.ChunkAck;
                 * }}
                 */
                ChunkAck.create = function(properties) {
                    return new ChunkAck(properties);
                };

                /**
                 * Encodes the specified ChunkAck message. Does not implicitly {@link parley.badge.v1.ChunkAck.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.ChunkAck
                 * @static
                 * @param {parley.badge.v1.ChunkAck.$Properties} message ChunkAck message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ChunkAck.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.sessionId);
                    if (message.contiguousThrough != null && $Object.hasOwnProperty.call(message, "contiguousThrough") && (typeof message.contiguousThrough === "object" ? message.contiguousThrough.low || message.contiguousThrough.high : message.contiguousThrough !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).sint64(message.contiguousThrough);
                    if (message.missing != null && message.missing.length)
                        for (let i = 0; i < message.missing.length; ++i)
                            $root.parley.badge.v1.SeqRange.encode(message.missing[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.complete != null && $Object.hasOwnProperty.call(message, "complete") && message.complete !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.complete);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ChunkAck message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.ChunkAck
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.ChunkAck & parley.badge.v1.ChunkAck.$Shape} ChunkAck
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ChunkAck.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.ChunkAck();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.contiguousThrough = value;
                                else
                                    delete message.contiguousThrough;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.missing && message.missing.length))
                                    message.missing = [];
                                message.missing.push($root.parley.badge.v1.SeqRange.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.complete = value;
                                else
                                    delete message.complete;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a ChunkAck message.
                 * @function verify
                 * @memberof parley.badge.v1.ChunkAck
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                ChunkAck.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        if (!(message.sessionId && typeof message.sessionId.length === "number" || $util.isString(message.sessionId)))
                            return "sessionId: buffer expected";
                    if (message.contiguousThrough != null && $Object.hasOwnProperty.call(message, "contiguousThrough"))
                        if (!$util.isInteger(message.contiguousThrough) && !(message.contiguousThrough && $util.isInteger(message.contiguousThrough.low) && $util.isInteger(message.contiguousThrough.high)))
                            return "contiguousThrough: integer|Long expected";
                    if (message.missing != null && $Object.hasOwnProperty.call(message, "missing")) {
                        if (!$Array.isArray(message.missing))
                            return "missing: array expected";
                        for (let i = 0; i < message.missing.length; ++i) {
                            let error = $root.parley.badge.v1.SeqRange.verify(message.missing[i], _depth + 1);
                            if (error)
                                return "missing." + error;
                        }
                    }
                    if (message.complete != null && $Object.hasOwnProperty.call(message, "complete"))
                        if (typeof message.complete !== "boolean")
                            return "complete: boolean expected";
                    return null;
                };

                /**
                 * Creates a ChunkAck message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.ChunkAck
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.ChunkAck} ChunkAck
                 */
                ChunkAck.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.ChunkAck)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.ChunkAck: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.ChunkAck();
                    if (object.sessionId != null)
                        if (object.sessionId.length)
                            if (typeof object.sessionId === "string")
                                $util.base64.decode(object.sessionId, message.sessionId = $util.newBuffer($util.base64.length(object.sessionId)), 0);
                            else if (object.sessionId.length >= 0)
                                message.sessionId = object.sessionId;
                    if (object.contiguousThrough != null)
                        if (typeof object.contiguousThrough === "object" ? object.contiguousThrough.low || object.contiguousThrough.high : $Number(object.contiguousThrough) !== 0)
                            if ($util.Long)
                                message.contiguousThrough = $util.Long.fromValue(object.contiguousThrough, false);
                            else if (typeof object.contiguousThrough === "string")
                                message.contiguousThrough = $parseInt(object.contiguousThrough, 10);
                            else if (typeof object.contiguousThrough === "number")
                                message.contiguousThrough = object.contiguousThrough;
                            else if (typeof object.contiguousThrough === "object")
                                message.contiguousThrough = new $util.LongBits(object.contiguousThrough.low >>> 0, object.contiguousThrough.high >>> 0).toNumber();
                    if (object.missing) {
                        if (!$Array.isArray(object.missing))
                            throw $TypeError(".parley.badge.v1.ChunkAck.missing: array expected");
                        message.missing = $Array(object.missing.length);
                        for (let i = 0; i < object.missing.length; ++i) {
                            if (!$util.isObject(object.missing[i]))
                                throw $TypeError(".parley.badge.v1.ChunkAck.missing: object expected");
                            message.missing[i] = $root.parley.badge.v1.SeqRange.fromObject(object.missing[i], _depth + 1);
                        }
                    }
                    if (object.complete != null)
                        if (object.complete)
                            message.complete = $Boolean(object.complete);
                    return message;
                };

                /**
                 * Creates a plain object from a ChunkAck message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.ChunkAck
                 * @static
                 * @param {parley.badge.v1.ChunkAck} message ChunkAck
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ChunkAck.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.missing = [];
                    if (options.defaults) {
                        if (options.bytes === $String)
                            object.sessionId = "";
                        else {
                            object.sessionId = [];
                            if (options.bytes !== $Array)
                                object.sessionId = $util.newBuffer(object.sessionId);
                        }
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, false);
                            object.contiguousThrough = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.contiguousThrough = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.complete = false;
                    }
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                        object.sessionId = options.bytes === $String ? $util.base64.encode(message.sessionId, 0, message.sessionId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sessionId) : message.sessionId;
                    if (message.contiguousThrough != null && $Object.hasOwnProperty.call(message, "contiguousThrough"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.contiguousThrough = typeof message.contiguousThrough === "number" ? $BigInt(message.contiguousThrough) : $util.Long.fromBits(message.contiguousThrough.low >>> 0, message.contiguousThrough.high >>> 0, false).toBigInt();
                        else if (typeof message.contiguousThrough === "number")
                            object.contiguousThrough = options.longs === $String ? $String(message.contiguousThrough) : message.contiguousThrough;
                        else
                            object.contiguousThrough = options.longs === $String ? $util.Long.prototype.toString.call(message.contiguousThrough) : options.longs === $Number ? new $util.LongBits(message.contiguousThrough.low >>> 0, message.contiguousThrough.high >>> 0).toNumber() : message.contiguousThrough;
                    if (message.missing && message.missing.length) {
                        object.missing = $Array(message.missing.length);
                        for (let j = 0; j < message.missing.length; ++j)
                            object.missing[j] = $root.parley.badge.v1.SeqRange.toObject(message.missing[j], options, _depth + 1);
                    }
                    if (message.complete != null && $Object.hasOwnProperty.call(message, "complete"))
                        object.complete = message.complete;
                    return object;
                };

                /**
                 * Converts this ChunkAck to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.ChunkAck
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ChunkAck.prototype.toJSON = function() {
                    return ChunkAck.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for ChunkAck
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.ChunkAck
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ChunkAck.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.ChunkAck";
                };

                return ChunkAck;
            })();

            /**
             * RecordingMode enum.
             * @name parley.badge.v1.RecordingMode
             * @enum {number}
             * @property {number} RECORDING_MODE_MANUAL=0 RECORDING_MODE_MANUAL value
             * @property {number} RECORDING_MODE_VOICE_ACTIVATED=1 RECORDING_MODE_VOICE_ACTIVATED value
             * @property {number} RECORDING_MODE_SCHEDULED=2 RECORDING_MODE_SCHEDULED value
             */
            v1.RecordingMode = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "RECORDING_MODE_MANUAL"] = 0;
                values[valuesById[1] = "RECORDING_MODE_VOICE_ACTIVATED"] = 1;
                values[valuesById[2] = "RECORDING_MODE_SCHEDULED"] = 2;
                return values;
            })();

            /**
             * UploadPolicy enum.
             * @name parley.badge.v1.UploadPolicy
             * @enum {number}
             * @property {number} UPLOAD_POLICY_LIVE=0 UPLOAD_POLICY_LIVE value
             * @property {number} UPLOAD_POLICY_BATCHED=1 UPLOAD_POLICY_BATCHED value
             * @property {number} UPLOAD_POLICY_ON_CHARGER=2 UPLOAD_POLICY_ON_CHARGER value
             */
            v1.UploadPolicy = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "UPLOAD_POLICY_LIVE"] = 0;
                values[valuesById[1] = "UPLOAD_POLICY_BATCHED"] = 1;
                values[valuesById[2] = "UPLOAD_POLICY_ON_CHARGER"] = 2;
                return values;
            })();

            v1.WifiNetwork = (function() {

                /**
                 * Properties of a WifiNetwork.
                 * @typedef {Object} parley.badge.v1.WifiNetwork.$Properties
                 * @property {string|null} [ssid] WifiNetwork ssid
                 * @property {string|null} [psk] WifiNetwork psk
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a WifiNetwork.
                 * @memberof parley.badge.v1
                 * @interface IWifiNetwork
                 * @augments parley.badge.v1.WifiNetwork.$Properties
                 * @deprecated Use parley.badge.v1.WifiNetwork.$Properties instead.
                 */

                /**
                 * Shape of a WifiNetwork.
                 * @typedef {parley.badge.v1.WifiNetwork.$Properties} parley.badge.v1.WifiNetwork.$Shape
                 */

                /**
                 * Constructs a new WifiNetwork.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a WifiNetwork.
                 * @constructor
                 * @param {parley.badge.v1.WifiNetwork.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const WifiNetwork = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * WifiNetwork ssid.
                 * @member {string} ssid
                 * @memberof parley.badge.v1.WifiNetwork
                 * @instance
                 */
                WifiNetwork.prototype.ssid = "";

                /**
                 * WifiNetwork psk.
                 * @member {string} psk
                 * @memberof parley.badge.v1.WifiNetwork
                 * @instance
                 */
                WifiNetwork.prototype.psk = "";

                /**
                 * Creates a new WifiNetwork instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.WifiNetwork
                 * @static
                 * @param {parley.badge.v1.WifiNetwork.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.WifiNetwork} WifiNetwork instance
                 * @type {{
                 *   (properties: parley.badge.v1.WifiNetwork.$Shape): parley.badge.v1.WifiNetwork & parley.badge.v1.WifiNetwork.$Shape;
                 *   (properties?: parley.badge.v1.WifiNetwork.$Properties): parley.badge.v1.WifiNetwork;
                 * }}
                 */
                WifiNetwork.create = function(properties) {
                    return new WifiNetwork(properties);
                };

                /**
                 * Encodes the specified WifiNetwork message. Does not implicitly {@link parley.badge.v1.WifiNetwork.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.WifiNetwork
                 * @static
                 * @param {parley.badge.v1.WifiNetwork.$Properties} message WifiNetwork message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                WifiNetwork.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.ssid != null && $Object.hasOwnProperty.call(message, "ssid") && message.ssid !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.ssid);
                    if (message.psk != null && $Object.hasOwnProperty.call(message, "psk") && message.psk !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.psk);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a WifiNetwork message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.WifiNetwork
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.WifiNetwork & parley.badge.v1.WifiNetwork.$Shape} WifiNetwork
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                WifiNetwork.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.WifiNetwork();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.ssid = value;
                                else
                                    delete message.ssid;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.psk = value;
                                else
                                    delete message.psk;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a WifiNetwork message.
                 * @function verify
                 * @memberof parley.badge.v1.WifiNetwork
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                WifiNetwork.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.ssid != null && $Object.hasOwnProperty.call(message, "ssid"))
                        if (!$util.isString(message.ssid))
                            return "ssid: string expected";
                    if (message.psk != null && $Object.hasOwnProperty.call(message, "psk"))
                        if (!$util.isString(message.psk))
                            return "psk: string expected";
                    return null;
                };

                /**
                 * Creates a WifiNetwork message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.WifiNetwork
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.WifiNetwork} WifiNetwork
                 */
                WifiNetwork.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.WifiNetwork)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.WifiNetwork: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.WifiNetwork();
                    if (object.ssid != null)
                        if (typeof object.ssid !== "string" || object.ssid.length)
                            message.ssid = $String(object.ssid);
                    if (object.psk != null)
                        if (typeof object.psk !== "string" || object.psk.length)
                            message.psk = $String(object.psk);
                    return message;
                };

                /**
                 * Creates a plain object from a WifiNetwork message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.WifiNetwork
                 * @static
                 * @param {parley.badge.v1.WifiNetwork} message WifiNetwork
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                WifiNetwork.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.ssid = "";
                        object.psk = "";
                    }
                    if (message.ssid != null && $Object.hasOwnProperty.call(message, "ssid"))
                        object.ssid = message.ssid;
                    if (message.psk != null && $Object.hasOwnProperty.call(message, "psk"))
                        object.psk = message.psk;
                    return object;
                };

                /**
                 * Converts this WifiNetwork to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.WifiNetwork
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                WifiNetwork.prototype.toJSON = function() {
                    return WifiNetwork.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for WifiNetwork
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.WifiNetwork
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                WifiNetwork.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.WifiNetwork";
                };

                return WifiNetwork;
            })();

            v1.ScheduleWindow = (function() {

                /**
                 * Properties of a ScheduleWindow.
                 * @typedef {Object} parley.badge.v1.ScheduleWindow.$Properties
                 * @property {number|null} [weekdays] ScheduleWindow weekdays
                 * @property {number|null} [startMinute] ScheduleWindow startMinute
                 * @property {number|null} [endMinute] ScheduleWindow endMinute
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ScheduleWindow.
                 * @memberof parley.badge.v1
                 * @interface IScheduleWindow
                 * @augments parley.badge.v1.ScheduleWindow.$Properties
                 * @deprecated Use parley.badge.v1.ScheduleWindow.$Properties instead.
                 */

                /**
                 * Shape of a ScheduleWindow.
                 * @typedef {parley.badge.v1.ScheduleWindow.$Properties} parley.badge.v1.ScheduleWindow.$Shape
                 */

                /**
                 * Constructs a new ScheduleWindow.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a ScheduleWindow.
                 * @constructor
                 * @param {parley.badge.v1.ScheduleWindow.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ScheduleWindow = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ScheduleWindow weekdays.
                 * @member {number} weekdays
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @instance
                 */
                ScheduleWindow.prototype.weekdays = 0;

                /**
                 * ScheduleWindow startMinute.
                 * @member {number} startMinute
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @instance
                 */
                ScheduleWindow.prototype.startMinute = 0;

                /**
                 * ScheduleWindow endMinute.
                 * @member {number} endMinute
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @instance
                 */
                ScheduleWindow.prototype.endMinute = 0;

                /**
                 * Creates a new ScheduleWindow instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @static
                 * @param {parley.badge.v1.ScheduleWindow.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.ScheduleWindow} ScheduleWindow instance
                 * @type {{
                 *   (properties: parley.badge.v1.ScheduleWindow.$Shape): parley.badge.v1.ScheduleWindow & parley.badge.v1.ScheduleWindow.$Shape;
                 *   (properties?: parley.badge.v1.ScheduleWindow.$Properties): parley.badge.v1.ScheduleWindow;
                 * }}
                 */
                ScheduleWindow.create = function(properties) {
                    return new ScheduleWindow(properties);
                };

                /**
                 * Encodes the specified ScheduleWindow message. Does not implicitly {@link parley.badge.v1.ScheduleWindow.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @static
                 * @param {parley.badge.v1.ScheduleWindow.$Properties} message ScheduleWindow message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ScheduleWindow.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.weekdays != null && $Object.hasOwnProperty.call(message, "weekdays") && message.weekdays !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.weekdays);
                    if (message.startMinute != null && $Object.hasOwnProperty.call(message, "startMinute") && message.startMinute !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.startMinute);
                    if (message.endMinute != null && $Object.hasOwnProperty.call(message, "endMinute") && message.endMinute !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.endMinute);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ScheduleWindow message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.ScheduleWindow & parley.badge.v1.ScheduleWindow.$Shape} ScheduleWindow
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ScheduleWindow.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.ScheduleWindow();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.weekdays = value;
                                else
                                    delete message.weekdays;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.startMinute = value;
                                else
                                    delete message.startMinute;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.endMinute = value;
                                else
                                    delete message.endMinute;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a ScheduleWindow message.
                 * @function verify
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                ScheduleWindow.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.weekdays != null && $Object.hasOwnProperty.call(message, "weekdays"))
                        if (!$util.isInteger(message.weekdays))
                            return "weekdays: integer expected";
                    if (message.startMinute != null && $Object.hasOwnProperty.call(message, "startMinute"))
                        if (!$util.isInteger(message.startMinute))
                            return "startMinute: integer expected";
                    if (message.endMinute != null && $Object.hasOwnProperty.call(message, "endMinute"))
                        if (!$util.isInteger(message.endMinute))
                            return "endMinute: integer expected";
                    return null;
                };

                /**
                 * Creates a ScheduleWindow message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.ScheduleWindow} ScheduleWindow
                 */
                ScheduleWindow.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.ScheduleWindow)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.ScheduleWindow: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.ScheduleWindow();
                    if (object.weekdays != null)
                        if ($Number(object.weekdays) !== 0)
                            message.weekdays = object.weekdays >>> 0;
                    if (object.startMinute != null)
                        if ($Number(object.startMinute) !== 0)
                            message.startMinute = object.startMinute >>> 0;
                    if (object.endMinute != null)
                        if ($Number(object.endMinute) !== 0)
                            message.endMinute = object.endMinute >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a ScheduleWindow message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @static
                 * @param {parley.badge.v1.ScheduleWindow} message ScheduleWindow
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ScheduleWindow.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.weekdays = 0;
                        object.startMinute = 0;
                        object.endMinute = 0;
                    }
                    if (message.weekdays != null && $Object.hasOwnProperty.call(message, "weekdays"))
                        object.weekdays = message.weekdays;
                    if (message.startMinute != null && $Object.hasOwnProperty.call(message, "startMinute"))
                        object.startMinute = message.startMinute;
                    if (message.endMinute != null && $Object.hasOwnProperty.call(message, "endMinute"))
                        object.endMinute = message.endMinute;
                    return object;
                };

                /**
                 * Converts this ScheduleWindow to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ScheduleWindow.prototype.toJSON = function() {
                    return ScheduleWindow.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for ScheduleWindow
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.ScheduleWindow
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ScheduleWindow.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.ScheduleWindow";
                };

                return ScheduleWindow;
            })();

            v1.LedSettings = (function() {

                /**
                 * Properties of a LedSettings.
                 * @typedef {Object} parley.badge.v1.LedSettings.$Properties
                 * @property {number|null} [brightnessPercent] LedSettings brightnessPercent
                 * @property {boolean|null} [statusLedEnabled] LedSettings statusLedEnabled
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a LedSettings.
                 * @memberof parley.badge.v1
                 * @interface ILedSettings
                 * @augments parley.badge.v1.LedSettings.$Properties
                 * @deprecated Use parley.badge.v1.LedSettings.$Properties instead.
                 */

                /**
                 * Shape of a LedSettings.
                 * @typedef {parley.badge.v1.LedSettings.$Properties} parley.badge.v1.LedSettings.$Shape
                 */

                /**
                 * Constructs a new LedSettings.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a LedSettings.
                 * @constructor
                 * @param {parley.badge.v1.LedSettings.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const LedSettings = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * LedSettings brightnessPercent.
                 * @member {number} brightnessPercent
                 * @memberof parley.badge.v1.LedSettings
                 * @instance
                 */
                LedSettings.prototype.brightnessPercent = 0;

                /**
                 * LedSettings statusLedEnabled.
                 * @member {boolean} statusLedEnabled
                 * @memberof parley.badge.v1.LedSettings
                 * @instance
                 */
                LedSettings.prototype.statusLedEnabled = false;

                /**
                 * Creates a new LedSettings instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.LedSettings
                 * @static
                 * @param {parley.badge.v1.LedSettings.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.LedSettings} LedSettings instance
                 * @type {{
                 *   (properties: parley.badge.v1.LedSettings.$Shape): parley.badge.v1.LedSettings & parley.badge.v1.LedSettings.$Shape;
                 *   (properties?: parley.badge.v1.LedSettings.$Properties): parley.badge.v1.LedSettings;
                 * }}
                 */
                LedSettings.create = function(properties) {
                    return new LedSettings(properties);
                };

                /**
                 * Encodes the specified LedSettings message. Does not implicitly {@link parley.badge.v1.LedSettings.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.LedSettings
                 * @static
                 * @param {parley.badge.v1.LedSettings.$Properties} message LedSettings message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                LedSettings.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.brightnessPercent != null && $Object.hasOwnProperty.call(message, "brightnessPercent") && message.brightnessPercent !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.brightnessPercent);
                    if (message.statusLedEnabled != null && $Object.hasOwnProperty.call(message, "statusLedEnabled") && message.statusLedEnabled !== false)
                        writer.uint32(/* id 2, wireType 0 =*/16).bool(message.statusLedEnabled);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a LedSettings message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.LedSettings
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.LedSettings & parley.badge.v1.LedSettings.$Shape} LedSettings
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                LedSettings.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.LedSettings();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.brightnessPercent = value;
                                else
                                    delete message.brightnessPercent;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.statusLedEnabled = value;
                                else
                                    delete message.statusLedEnabled;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a LedSettings message.
                 * @function verify
                 * @memberof parley.badge.v1.LedSettings
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                LedSettings.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.brightnessPercent != null && $Object.hasOwnProperty.call(message, "brightnessPercent"))
                        if (!$util.isInteger(message.brightnessPercent))
                            return "brightnessPercent: integer expected";
                    if (message.statusLedEnabled != null && $Object.hasOwnProperty.call(message, "statusLedEnabled"))
                        if (typeof message.statusLedEnabled !== "boolean")
                            return "statusLedEnabled: boolean expected";
                    return null;
                };

                /**
                 * Creates a LedSettings message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.LedSettings
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.LedSettings} LedSettings
                 */
                LedSettings.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.LedSettings)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.LedSettings: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.LedSettings();
                    if (object.brightnessPercent != null)
                        if ($Number(object.brightnessPercent) !== 0)
                            message.brightnessPercent = object.brightnessPercent >>> 0;
                    if (object.statusLedEnabled != null)
                        if (object.statusLedEnabled)
                            message.statusLedEnabled = $Boolean(object.statusLedEnabled);
                    return message;
                };

                /**
                 * Creates a plain object from a LedSettings message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.LedSettings
                 * @static
                 * @param {parley.badge.v1.LedSettings} message LedSettings
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                LedSettings.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.brightnessPercent = 0;
                        object.statusLedEnabled = false;
                    }
                    if (message.brightnessPercent != null && $Object.hasOwnProperty.call(message, "brightnessPercent"))
                        object.brightnessPercent = message.brightnessPercent;
                    if (message.statusLedEnabled != null && $Object.hasOwnProperty.call(message, "statusLedEnabled"))
                        object.statusLedEnabled = message.statusLedEnabled;
                    return object;
                };

                /**
                 * Converts this LedSettings to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.LedSettings
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                LedSettings.prototype.toJSON = function() {
                    return LedSettings.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for LedSettings
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.LedSettings
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                LedSettings.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.LedSettings";
                };

                return LedSettings;
            })();

            v1.HapticSettings = (function() {

                /**
                 * Properties of a HapticSettings.
                 * @typedef {Object} parley.badge.v1.HapticSettings.$Properties
                 * @property {boolean|null} [enabled] HapticSettings enabled
                 * @property {number|null} [strengthPercent] HapticSettings strengthPercent
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a HapticSettings.
                 * @memberof parley.badge.v1
                 * @interface IHapticSettings
                 * @augments parley.badge.v1.HapticSettings.$Properties
                 * @deprecated Use parley.badge.v1.HapticSettings.$Properties instead.
                 */

                /**
                 * Shape of a HapticSettings.
                 * @typedef {parley.badge.v1.HapticSettings.$Properties} parley.badge.v1.HapticSettings.$Shape
                 */

                /**
                 * Constructs a new HapticSettings.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a HapticSettings.
                 * @constructor
                 * @param {parley.badge.v1.HapticSettings.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const HapticSettings = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * HapticSettings enabled.
                 * @member {boolean} enabled
                 * @memberof parley.badge.v1.HapticSettings
                 * @instance
                 */
                HapticSettings.prototype.enabled = false;

                /**
                 * HapticSettings strengthPercent.
                 * @member {number} strengthPercent
                 * @memberof parley.badge.v1.HapticSettings
                 * @instance
                 */
                HapticSettings.prototype.strengthPercent = 0;

                /**
                 * Creates a new HapticSettings instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.HapticSettings
                 * @static
                 * @param {parley.badge.v1.HapticSettings.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.HapticSettings} HapticSettings instance
                 * @type {{
                 *   (properties: parley.badge.v1.HapticSettings.$Shape): parley.badge.v1.HapticSettings & parley.badge.v1.HapticSettings.$Shape;
                 *   (properties?: parley.badge.v1.HapticSettings.$Properties): parley.badge.v1.HapticSettings;
                 * }}
                 */
                HapticSettings.create = function(properties) {
                    return new HapticSettings(properties);
                };

                /**
                 * Encodes the specified HapticSettings message. Does not implicitly {@link parley.badge.v1.HapticSettings.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.HapticSettings
                 * @static
                 * @param {parley.badge.v1.HapticSettings.$Properties} message HapticSettings message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                HapticSettings.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== false)
                        writer.uint32(/* id 1, wireType 0 =*/8).bool(message.enabled);
                    if (message.strengthPercent != null && $Object.hasOwnProperty.call(message, "strengthPercent") && message.strengthPercent !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.strengthPercent);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a HapticSettings message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.HapticSettings
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.HapticSettings & parley.badge.v1.HapticSettings.$Shape} HapticSettings
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                HapticSettings.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.HapticSettings();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.enabled = value;
                                else
                                    delete message.enabled;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.strengthPercent = value;
                                else
                                    delete message.strengthPercent;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a HapticSettings message.
                 * @function verify
                 * @memberof parley.badge.v1.HapticSettings
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                HapticSettings.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                        if (typeof message.enabled !== "boolean")
                            return "enabled: boolean expected";
                    if (message.strengthPercent != null && $Object.hasOwnProperty.call(message, "strengthPercent"))
                        if (!$util.isInteger(message.strengthPercent))
                            return "strengthPercent: integer expected";
                    return null;
                };

                /**
                 * Creates a HapticSettings message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.HapticSettings
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.HapticSettings} HapticSettings
                 */
                HapticSettings.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.HapticSettings)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.HapticSettings: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.HapticSettings();
                    if (object.enabled != null)
                        if (object.enabled)
                            message.enabled = $Boolean(object.enabled);
                    if (object.strengthPercent != null)
                        if ($Number(object.strengthPercent) !== 0)
                            message.strengthPercent = object.strengthPercent >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a HapticSettings message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.HapticSettings
                 * @static
                 * @param {parley.badge.v1.HapticSettings} message HapticSettings
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                HapticSettings.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.enabled = false;
                        object.strengthPercent = 0;
                    }
                    if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled"))
                        object.enabled = message.enabled;
                    if (message.strengthPercent != null && $Object.hasOwnProperty.call(message, "strengthPercent"))
                        object.strengthPercent = message.strengthPercent;
                    return object;
                };

                /**
                 * Converts this HapticSettings to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.HapticSettings
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                HapticSettings.prototype.toJSON = function() {
                    return HapticSettings.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for HapticSettings
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.HapticSettings
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                HapticSettings.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.HapticSettings";
                };

                return HapticSettings;
            })();

            v1.Config = (function() {

                /**
                 * Properties of a Config.
                 * @typedef {Object} parley.badge.v1.Config.$Properties
                 * @property {number|null} [version] Config version
                 * @property {parley.badge.v1.RecordingMode|null} [recordingMode] Config recordingMode
                 * @property {number|null} [bitrate] Config bitrate
                 * @property {number|null} [chunkDurationMs] Config chunkDurationMs
                 * @property {number|null} [silenceSplitS] Config silenceSplitS
                 * @property {number|null} [maxSessionS] Config maxSessionS
                 * @property {parley.badge.v1.UploadPolicy|null} [uploadPolicy] Config uploadPolicy
                 * @property {number|null} [batchIntervalMin] Config batchIntervalMin
                 * @property {number|null} [telemetryIntervalS] Config telemetryIntervalS
                 * @property {Array.<parley.badge.v1.WifiNetwork.$Properties>|null} [wifi] Config wifi
                 * @property {Array.<parley.badge.v1.ScheduleWindow.$Properties>|null} [workingHours] Config workingHours
                 * @property {parley.badge.v1.LedSettings.$Properties|null} [led] Config led
                 * @property {parley.badge.v1.HapticSettings.$Properties|null} [haptic] Config haptic
                 * @property {number|null} [utcOffsetMin] Config utcOffsetMin
                 * @property {string|null} [staffId] Config staffId
                 * @property {number|null} [otaConfirmTimeoutMin] Config otaConfirmTimeoutMin
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Config.
                 * @memberof parley.badge.v1
                 * @interface IConfig
                 * @augments parley.badge.v1.Config.$Properties
                 * @deprecated Use parley.badge.v1.Config.$Properties instead.
                 */

                /**
                 * Shape of a Config.
                 * @typedef {parley.badge.v1.Config.$Properties} parley.badge.v1.Config.$Shape
                 */

                /**
                 * Constructs a new Config.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a Config.
                 * @constructor
                 * @param {parley.badge.v1.Config.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Config = function (properties) {
                    this.wifi = [];
                    this.workingHours = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Config version.
                 * @member {number} version
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.version = 0;

                /**
                 * Config recordingMode.
                 * @member {parley.badge.v1.RecordingMode} recordingMode
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.recordingMode = 0;

                /**
                 * Config bitrate.
                 * @member {number} bitrate
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.bitrate = 0;

                /**
                 * Config chunkDurationMs.
                 * @member {number} chunkDurationMs
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.chunkDurationMs = 0;

                /**
                 * Config silenceSplitS.
                 * @member {number} silenceSplitS
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.silenceSplitS = 0;

                /**
                 * Config maxSessionS.
                 * @member {number} maxSessionS
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.maxSessionS = 0;

                /**
                 * Config uploadPolicy.
                 * @member {parley.badge.v1.UploadPolicy} uploadPolicy
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.uploadPolicy = 0;

                /**
                 * Config batchIntervalMin.
                 * @member {number} batchIntervalMin
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.batchIntervalMin = 0;

                /**
                 * Config telemetryIntervalS.
                 * @member {number} telemetryIntervalS
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.telemetryIntervalS = 0;

                /**
                 * Config wifi.
                 * @member {Array.<parley.badge.v1.WifiNetwork.$Properties>} wifi
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.wifi = $util.emptyArray;

                /**
                 * Config workingHours.
                 * @member {Array.<parley.badge.v1.ScheduleWindow.$Properties>} workingHours
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.workingHours = $util.emptyArray;

                /**
                 * Config led.
                 * @member {parley.badge.v1.LedSettings.$Properties|null|undefined} led
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.led = null;

                /**
                 * Config haptic.
                 * @member {parley.badge.v1.HapticSettings.$Properties|null|undefined} haptic
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.haptic = null;

                /**
                 * Config utcOffsetMin.
                 * @member {number} utcOffsetMin
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.utcOffsetMin = 0;

                /**
                 * Config staffId.
                 * @member {string} staffId
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.staffId = "";

                /**
                 * Config otaConfirmTimeoutMin.
                 * @member {number} otaConfirmTimeoutMin
                 * @memberof parley.badge.v1.Config
                 * @instance
                 */
                Config.prototype.otaConfirmTimeoutMin = 0;

                /**
                 * Creates a new Config instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.Config
                 * @static
                 * @param {parley.badge.v1.Config.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.Config} Config instance
                 * @type {{
                 *   (properties: parley.badge.v1.Config.$Shape): parley.badge.v1.Config & parley.badge.v1.Config.$Shape;
                 *   (properties?: parley.badge.v1.Config.$Properties): parley.badge.v1.Config;
                 * }}
                 */
                Config.create = function(properties) {
                    return new Config(properties);
                };

                /**
                 * Encodes the specified Config message. Does not implicitly {@link parley.badge.v1.Config.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.Config
                 * @static
                 * @param {parley.badge.v1.Config.$Properties} message Config message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Config.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                    if (message.recordingMode != null && $Object.hasOwnProperty.call(message, "recordingMode") && message.recordingMode !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.recordingMode);
                    if (message.bitrate != null && $Object.hasOwnProperty.call(message, "bitrate") && message.bitrate !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.bitrate);
                    if (message.chunkDurationMs != null && $Object.hasOwnProperty.call(message, "chunkDurationMs") && message.chunkDurationMs !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.chunkDurationMs);
                    if (message.silenceSplitS != null && $Object.hasOwnProperty.call(message, "silenceSplitS") && message.silenceSplitS !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.silenceSplitS);
                    if (message.maxSessionS != null && $Object.hasOwnProperty.call(message, "maxSessionS") && message.maxSessionS !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.maxSessionS);
                    if (message.uploadPolicy != null && $Object.hasOwnProperty.call(message, "uploadPolicy") && message.uploadPolicy !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).int32(message.uploadPolicy);
                    if (message.batchIntervalMin != null && $Object.hasOwnProperty.call(message, "batchIntervalMin") && message.batchIntervalMin !== 0)
                        writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.batchIntervalMin);
                    if (message.telemetryIntervalS != null && $Object.hasOwnProperty.call(message, "telemetryIntervalS") && message.telemetryIntervalS !== 0)
                        writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.telemetryIntervalS);
                    if (message.wifi != null && message.wifi.length)
                        for (let i = 0; i < message.wifi.length; ++i)
                            $root.parley.badge.v1.WifiNetwork.encode(message.wifi[i], writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                    if (message.workingHours != null && message.workingHours.length)
                        for (let i = 0; i < message.workingHours.length; ++i)
                            $root.parley.badge.v1.ScheduleWindow.encode(message.workingHours[i], writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                    if (message.led != null && $Object.hasOwnProperty.call(message, "led"))
                        $root.parley.badge.v1.LedSettings.encode(message.led, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                    if (message.haptic != null && $Object.hasOwnProperty.call(message, "haptic"))
                        $root.parley.badge.v1.HapticSettings.encode(message.haptic, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                    if (message.utcOffsetMin != null && $Object.hasOwnProperty.call(message, "utcOffsetMin") && message.utcOffsetMin !== 0)
                        writer.uint32(/* id 14, wireType 0 =*/112).sint32(message.utcOffsetMin);
                    if (message.staffId != null && $Object.hasOwnProperty.call(message, "staffId") && message.staffId !== "")
                        writer.uint32(/* id 15, wireType 2 =*/122).string(message.staffId);
                    if (message.otaConfirmTimeoutMin != null && $Object.hasOwnProperty.call(message, "otaConfirmTimeoutMin") && message.otaConfirmTimeoutMin !== 0)
                        writer.uint32(/* id 16, wireType 0 =*/128).uint32(message.otaConfirmTimeoutMin);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Config message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.Config
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.Config & parley.badge.v1.Config.$Shape} Config
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Config.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.Config();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.version = value;
                                else
                                    delete message.version;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.recordingMode = value;
                                else
                                    delete message.recordingMode;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.bitrate = value;
                                else
                                    delete message.bitrate;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.chunkDurationMs = value;
                                else
                                    delete message.chunkDurationMs;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.silenceSplitS = value;
                                else
                                    delete message.silenceSplitS;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.maxSessionS = value;
                                else
                                    delete message.maxSessionS;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.uploadPolicy = value;
                                else
                                    delete message.uploadPolicy;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.batchIntervalMin = value;
                                else
                                    delete message.batchIntervalMin;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.telemetryIntervalS = value;
                                else
                                    delete message.telemetryIntervalS;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.wifi && message.wifi.length))
                                    message.wifi = [];
                                message.wifi.push($root.parley.badge.v1.WifiNetwork.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.workingHours && message.workingHours.length))
                                    message.workingHours = [];
                                message.workingHours.push($root.parley.badge.v1.ScheduleWindow.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                message.led = $root.parley.badge.v1.LedSettings.decode(reader, reader.size(), $undefined, _depth + 1, message.led);
                                continue;
                            }
                        case 13: {
                                if (wireType !== 2)
                                    break;
                                message.haptic = $root.parley.badge.v1.HapticSettings.decode(reader, reader.size(), $undefined, _depth + 1, message.haptic);
                                continue;
                            }
                        case 14: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.sint32())
                                    message.utcOffsetMin = value;
                                else
                                    delete message.utcOffsetMin;
                                continue;
                            }
                        case 15: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.staffId = value;
                                else
                                    delete message.staffId;
                                continue;
                            }
                        case 16: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.otaConfirmTimeoutMin = value;
                                else
                                    delete message.otaConfirmTimeoutMin;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Config message.
                 * @function verify
                 * @memberof parley.badge.v1.Config
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Config.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                        if (!$util.isInteger(message.version))
                            return "version: integer expected";
                    if (message.recordingMode != null && $Object.hasOwnProperty.call(message, "recordingMode"))
                        if (typeof message.recordingMode !== "number" || (message.recordingMode | 0) !== message.recordingMode)
                            return "recordingMode: enum value expected";
                    if (message.bitrate != null && $Object.hasOwnProperty.call(message, "bitrate"))
                        if (!$util.isInteger(message.bitrate))
                            return "bitrate: integer expected";
                    if (message.chunkDurationMs != null && $Object.hasOwnProperty.call(message, "chunkDurationMs"))
                        if (!$util.isInteger(message.chunkDurationMs))
                            return "chunkDurationMs: integer expected";
                    if (message.silenceSplitS != null && $Object.hasOwnProperty.call(message, "silenceSplitS"))
                        if (!$util.isInteger(message.silenceSplitS))
                            return "silenceSplitS: integer expected";
                    if (message.maxSessionS != null && $Object.hasOwnProperty.call(message, "maxSessionS"))
                        if (!$util.isInteger(message.maxSessionS))
                            return "maxSessionS: integer expected";
                    if (message.uploadPolicy != null && $Object.hasOwnProperty.call(message, "uploadPolicy"))
                        if (typeof message.uploadPolicy !== "number" || (message.uploadPolicy | 0) !== message.uploadPolicy)
                            return "uploadPolicy: enum value expected";
                    if (message.batchIntervalMin != null && $Object.hasOwnProperty.call(message, "batchIntervalMin"))
                        if (!$util.isInteger(message.batchIntervalMin))
                            return "batchIntervalMin: integer expected";
                    if (message.telemetryIntervalS != null && $Object.hasOwnProperty.call(message, "telemetryIntervalS"))
                        if (!$util.isInteger(message.telemetryIntervalS))
                            return "telemetryIntervalS: integer expected";
                    if (message.wifi != null && $Object.hasOwnProperty.call(message, "wifi")) {
                        if (!$Array.isArray(message.wifi))
                            return "wifi: array expected";
                        for (let i = 0; i < message.wifi.length; ++i) {
                            let error = $root.parley.badge.v1.WifiNetwork.verify(message.wifi[i], _depth + 1);
                            if (error)
                                return "wifi." + error;
                        }
                    }
                    if (message.workingHours != null && $Object.hasOwnProperty.call(message, "workingHours")) {
                        if (!$Array.isArray(message.workingHours))
                            return "workingHours: array expected";
                        for (let i = 0; i < message.workingHours.length; ++i) {
                            let error = $root.parley.badge.v1.ScheduleWindow.verify(message.workingHours[i], _depth + 1);
                            if (error)
                                return "workingHours." + error;
                        }
                    }
                    if (message.led != null && $Object.hasOwnProperty.call(message, "led")) {
                        let error = $root.parley.badge.v1.LedSettings.verify(message.led, _depth + 1);
                        if (error)
                            return "led." + error;
                    }
                    if (message.haptic != null && $Object.hasOwnProperty.call(message, "haptic")) {
                        let error = $root.parley.badge.v1.HapticSettings.verify(message.haptic, _depth + 1);
                        if (error)
                            return "haptic." + error;
                    }
                    if (message.utcOffsetMin != null && $Object.hasOwnProperty.call(message, "utcOffsetMin"))
                        if (!$util.isInteger(message.utcOffsetMin))
                            return "utcOffsetMin: integer expected";
                    if (message.staffId != null && $Object.hasOwnProperty.call(message, "staffId"))
                        if (!$util.isString(message.staffId))
                            return "staffId: string expected";
                    if (message.otaConfirmTimeoutMin != null && $Object.hasOwnProperty.call(message, "otaConfirmTimeoutMin"))
                        if (!$util.isInteger(message.otaConfirmTimeoutMin))
                            return "otaConfirmTimeoutMin: integer expected";
                    return null;
                };

                /**
                 * Creates a Config message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.Config
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.Config} Config
                 */
                Config.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.Config)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.Config: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.Config();
                    if (object.version != null)
                        if ($Number(object.version) !== 0)
                            message.version = object.version >>> 0;
                    if (object.recordingMode !== 0 && (typeof object.recordingMode !== "string" || $root.parley.badge.v1.RecordingMode[object.recordingMode] !== 0))
                        switch (object.recordingMode) {
                        case "RECORDING_MODE_MANUAL":
                        case 0:
                            message.recordingMode = 0;
                            break;
                        case "RECORDING_MODE_VOICE_ACTIVATED":
                        case 1:
                            message.recordingMode = 1;
                            break;
                        case "RECORDING_MODE_SCHEDULED":
                        case 2:
                            message.recordingMode = 2;
                            break;
                        default:
                            if (typeof object.recordingMode === "number" && (object.recordingMode | 0) === object.recordingMode)
                                message.recordingMode = object.recordingMode;
                        }
                    if (object.bitrate != null)
                        if ($Number(object.bitrate) !== 0)
                            message.bitrate = object.bitrate >>> 0;
                    if (object.chunkDurationMs != null)
                        if ($Number(object.chunkDurationMs) !== 0)
                            message.chunkDurationMs = object.chunkDurationMs >>> 0;
                    if (object.silenceSplitS != null)
                        if ($Number(object.silenceSplitS) !== 0)
                            message.silenceSplitS = object.silenceSplitS >>> 0;
                    if (object.maxSessionS != null)
                        if ($Number(object.maxSessionS) !== 0)
                            message.maxSessionS = object.maxSessionS >>> 0;
                    if (object.uploadPolicy !== 0 && (typeof object.uploadPolicy !== "string" || $root.parley.badge.v1.UploadPolicy[object.uploadPolicy] !== 0))
                        switch (object.uploadPolicy) {
                        case "UPLOAD_POLICY_LIVE":
                        case 0:
                            message.uploadPolicy = 0;
                            break;
                        case "UPLOAD_POLICY_BATCHED":
                        case 1:
                            message.uploadPolicy = 1;
                            break;
                        case "UPLOAD_POLICY_ON_CHARGER":
                        case 2:
                            message.uploadPolicy = 2;
                            break;
                        default:
                            if (typeof object.uploadPolicy === "number" && (object.uploadPolicy | 0) === object.uploadPolicy)
                                message.uploadPolicy = object.uploadPolicy;
                        }
                    if (object.batchIntervalMin != null)
                        if ($Number(object.batchIntervalMin) !== 0)
                            message.batchIntervalMin = object.batchIntervalMin >>> 0;
                    if (object.telemetryIntervalS != null)
                        if ($Number(object.telemetryIntervalS) !== 0)
                            message.telemetryIntervalS = object.telemetryIntervalS >>> 0;
                    if (object.wifi) {
                        if (!$Array.isArray(object.wifi))
                            throw $TypeError(".parley.badge.v1.Config.wifi: array expected");
                        message.wifi = $Array(object.wifi.length);
                        for (let i = 0; i < object.wifi.length; ++i) {
                            if (!$util.isObject(object.wifi[i]))
                                throw $TypeError(".parley.badge.v1.Config.wifi: object expected");
                            message.wifi[i] = $root.parley.badge.v1.WifiNetwork.fromObject(object.wifi[i], _depth + 1);
                        }
                    }
                    if (object.workingHours) {
                        if (!$Array.isArray(object.workingHours))
                            throw $TypeError(".parley.badge.v1.Config.workingHours: array expected");
                        message.workingHours = $Array(object.workingHours.length);
                        for (let i = 0; i < object.workingHours.length; ++i) {
                            if (!$util.isObject(object.workingHours[i]))
                                throw $TypeError(".parley.badge.v1.Config.workingHours: object expected");
                            message.workingHours[i] = $root.parley.badge.v1.ScheduleWindow.fromObject(object.workingHours[i], _depth + 1);
                        }
                    }
                    if (object.led != null) {
                        if (!$util.isObject(object.led))
                            throw $TypeError(".parley.badge.v1.Config.led: object expected");
                        message.led = $root.parley.badge.v1.LedSettings.fromObject(object.led, _depth + 1);
                    }
                    if (object.haptic != null) {
                        if (!$util.isObject(object.haptic))
                            throw $TypeError(".parley.badge.v1.Config.haptic: object expected");
                        message.haptic = $root.parley.badge.v1.HapticSettings.fromObject(object.haptic, _depth + 1);
                    }
                    if (object.utcOffsetMin != null)
                        if ($Number(object.utcOffsetMin) !== 0)
                            message.utcOffsetMin = object.utcOffsetMin | 0;
                    if (object.staffId != null)
                        if (typeof object.staffId !== "string" || object.staffId.length)
                            message.staffId = $String(object.staffId);
                    if (object.otaConfirmTimeoutMin != null)
                        if ($Number(object.otaConfirmTimeoutMin) !== 0)
                            message.otaConfirmTimeoutMin = object.otaConfirmTimeoutMin >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a Config message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.Config
                 * @static
                 * @param {parley.badge.v1.Config} message Config
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Config.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults) {
                        object.wifi = [];
                        object.workingHours = [];
                    }
                    if (options.defaults) {
                        object.version = 0;
                        object.recordingMode = options.enums === $String ? "RECORDING_MODE_MANUAL" : 0;
                        object.bitrate = 0;
                        object.chunkDurationMs = 0;
                        object.silenceSplitS = 0;
                        object.maxSessionS = 0;
                        object.uploadPolicy = options.enums === $String ? "UPLOAD_POLICY_LIVE" : 0;
                        object.batchIntervalMin = 0;
                        object.telemetryIntervalS = 0;
                        object.led = null;
                        object.haptic = null;
                        object.utcOffsetMin = 0;
                        object.staffId = "";
                        object.otaConfirmTimeoutMin = 0;
                    }
                    if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                        object.version = message.version;
                    if (message.recordingMode != null && $Object.hasOwnProperty.call(message, "recordingMode"))
                        object.recordingMode = options.enums === $String ? $root.parley.badge.v1.RecordingMode[message.recordingMode] === $undefined ? message.recordingMode : $root.parley.badge.v1.RecordingMode[message.recordingMode] : message.recordingMode;
                    if (message.bitrate != null && $Object.hasOwnProperty.call(message, "bitrate"))
                        object.bitrate = message.bitrate;
                    if (message.chunkDurationMs != null && $Object.hasOwnProperty.call(message, "chunkDurationMs"))
                        object.chunkDurationMs = message.chunkDurationMs;
                    if (message.silenceSplitS != null && $Object.hasOwnProperty.call(message, "silenceSplitS"))
                        object.silenceSplitS = message.silenceSplitS;
                    if (message.maxSessionS != null && $Object.hasOwnProperty.call(message, "maxSessionS"))
                        object.maxSessionS = message.maxSessionS;
                    if (message.uploadPolicy != null && $Object.hasOwnProperty.call(message, "uploadPolicy"))
                        object.uploadPolicy = options.enums === $String ? $root.parley.badge.v1.UploadPolicy[message.uploadPolicy] === $undefined ? message.uploadPolicy : $root.parley.badge.v1.UploadPolicy[message.uploadPolicy] : message.uploadPolicy;
                    if (message.batchIntervalMin != null && $Object.hasOwnProperty.call(message, "batchIntervalMin"))
                        object.batchIntervalMin = message.batchIntervalMin;
                    if (message.telemetryIntervalS != null && $Object.hasOwnProperty.call(message, "telemetryIntervalS"))
                        object.telemetryIntervalS = message.telemetryIntervalS;
                    if (message.wifi && message.wifi.length) {
                        object.wifi = $Array(message.wifi.length);
                        for (let j = 0; j < message.wifi.length; ++j)
                            object.wifi[j] = $root.parley.badge.v1.WifiNetwork.toObject(message.wifi[j], options, _depth + 1);
                    }
                    if (message.workingHours && message.workingHours.length) {
                        object.workingHours = $Array(message.workingHours.length);
                        for (let j = 0; j < message.workingHours.length; ++j)
                            object.workingHours[j] = $root.parley.badge.v1.ScheduleWindow.toObject(message.workingHours[j], options, _depth + 1);
                    }
                    if (message.led != null && $Object.hasOwnProperty.call(message, "led"))
                        object.led = $root.parley.badge.v1.LedSettings.toObject(message.led, options, _depth + 1);
                    if (message.haptic != null && $Object.hasOwnProperty.call(message, "haptic"))
                        object.haptic = $root.parley.badge.v1.HapticSettings.toObject(message.haptic, options, _depth + 1);
                    if (message.utcOffsetMin != null && $Object.hasOwnProperty.call(message, "utcOffsetMin"))
                        object.utcOffsetMin = message.utcOffsetMin;
                    if (message.staffId != null && $Object.hasOwnProperty.call(message, "staffId"))
                        object.staffId = message.staffId;
                    if (message.otaConfirmTimeoutMin != null && $Object.hasOwnProperty.call(message, "otaConfirmTimeoutMin"))
                        object.otaConfirmTimeoutMin = message.otaConfirmTimeoutMin;
                    return object;
                };

                /**
                 * Converts this Config to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.Config
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Config.prototype.toJSON = function() {
                    return Config.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Config
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.Config
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Config.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.Config";
                };

                return Config;
            })();

            /**
             * CommandKind enum.
             * @name parley.badge.v1.CommandKind
             * @enum {number}
             * @property {number} COMMAND_KIND_UNSPECIFIED=0 COMMAND_KIND_UNSPECIFIED value
             * @property {number} COMMAND_KIND_START=1 COMMAND_KIND_START value
             * @property {number} COMMAND_KIND_STOP=2 COMMAND_KIND_STOP value
             * @property {number} COMMAND_KIND_MUTE=3 COMMAND_KIND_MUTE value
             * @property {number} COMMAND_KIND_UNMUTE=4 COMMAND_KIND_UNMUTE value
             * @property {number} COMMAND_KIND_LOCATE=5 COMMAND_KIND_LOCATE value
             * @property {number} COMMAND_KIND_REBOOT=6 COMMAND_KIND_REBOOT value
             * @property {number} COMMAND_KIND_LOCK=7 COMMAND_KIND_LOCK value
             * @property {number} COMMAND_KIND_WIPE_ACKNOWLEDGED=8 COMMAND_KIND_WIPE_ACKNOWLEDGED value
             * @property {number} COMMAND_KIND_WIPE_ALL=9 COMMAND_KIND_WIPE_ALL value
             * @property {number} COMMAND_KIND_FIRMWARE_UPDATE=10 COMMAND_KIND_FIRMWARE_UPDATE value
             */
            v1.CommandKind = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "COMMAND_KIND_UNSPECIFIED"] = 0;
                values[valuesById[1] = "COMMAND_KIND_START"] = 1;
                values[valuesById[2] = "COMMAND_KIND_STOP"] = 2;
                values[valuesById[3] = "COMMAND_KIND_MUTE"] = 3;
                values[valuesById[4] = "COMMAND_KIND_UNMUTE"] = 4;
                values[valuesById[5] = "COMMAND_KIND_LOCATE"] = 5;
                values[valuesById[6] = "COMMAND_KIND_REBOOT"] = 6;
                values[valuesById[7] = "COMMAND_KIND_LOCK"] = 7;
                values[valuesById[8] = "COMMAND_KIND_WIPE_ACKNOWLEDGED"] = 8;
                values[valuesById[9] = "COMMAND_KIND_WIPE_ALL"] = 9;
                values[valuesById[10] = "COMMAND_KIND_FIRMWARE_UPDATE"] = 10;
                return values;
            })();

            v1.FirmwareUpdate = (function() {

                /**
                 * Properties of a FirmwareUpdate.
                 * @typedef {Object} parley.badge.v1.FirmwareUpdate.$Properties
                 * @property {string|null} [releaseId] FirmwareUpdate releaseId
                 * @property {string|null} [version] FirmwareUpdate version
                 * @property {number|null} [size] FirmwareUpdate size
                 * @property {Uint8Array|null} [sha256] FirmwareUpdate sha256
                 * @property {number|null} [chunkSize] FirmwareUpdate chunkSize
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a FirmwareUpdate.
                 * @memberof parley.badge.v1
                 * @interface IFirmwareUpdate
                 * @augments parley.badge.v1.FirmwareUpdate.$Properties
                 * @deprecated Use parley.badge.v1.FirmwareUpdate.$Properties instead.
                 */

                /**
                 * Shape of a FirmwareUpdate.
                 * @typedef {parley.badge.v1.FirmwareUpdate.$Properties} parley.badge.v1.FirmwareUpdate.$Shape
                 */

                /**
                 * Constructs a new FirmwareUpdate.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a FirmwareUpdate.
                 * @constructor
                 * @param {parley.badge.v1.FirmwareUpdate.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const FirmwareUpdate = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * FirmwareUpdate releaseId.
                 * @member {string} releaseId
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @instance
                 */
                FirmwareUpdate.prototype.releaseId = "";

                /**
                 * FirmwareUpdate version.
                 * @member {string} version
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @instance
                 */
                FirmwareUpdate.prototype.version = "";

                /**
                 * FirmwareUpdate size.
                 * @member {number} size
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @instance
                 */
                FirmwareUpdate.prototype.size = 0;

                /**
                 * FirmwareUpdate sha256.
                 * @member {Uint8Array} sha256
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @instance
                 */
                FirmwareUpdate.prototype.sha256 = $util.newBuffer([]);

                /**
                 * FirmwareUpdate chunkSize.
                 * @member {number} chunkSize
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @instance
                 */
                FirmwareUpdate.prototype.chunkSize = 0;

                /**
                 * Creates a new FirmwareUpdate instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @static
                 * @param {parley.badge.v1.FirmwareUpdate.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.FirmwareUpdate} FirmwareUpdate instance
                 * @type {{
                 *   (properties: parley.badge.v1.FirmwareUpdate.$Shape): parley.badge.v1.FirmwareUpdate & parley.badge.v1.FirmwareUpdate.$Shape;
                 *   (properties?: parley.badge.v1.FirmwareUpdate.$Properties): parley.badge.v1.FirmwareUpdate;
                 * }}
                 */
                FirmwareUpdate.create = function(properties) {
                    return new FirmwareUpdate(properties);
                };

                /**
                 * Encodes the specified FirmwareUpdate message. Does not implicitly {@link parley.badge.v1.FirmwareUpdate.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @static
                 * @param {parley.badge.v1.FirmwareUpdate.$Properties} message FirmwareUpdate message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                FirmwareUpdate.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.releaseId != null && $Object.hasOwnProperty.call(message, "releaseId") && message.releaseId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.releaseId);
                    if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.version);
                    if (message.size != null && $Object.hasOwnProperty.call(message, "size") && message.size !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.size);
                    if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256") && message.sha256.length)
                        writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.sha256);
                    if (message.chunkSize != null && $Object.hasOwnProperty.call(message, "chunkSize") && message.chunkSize !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.chunkSize);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a FirmwareUpdate message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.FirmwareUpdate & parley.badge.v1.FirmwareUpdate.$Shape} FirmwareUpdate
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                FirmwareUpdate.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.FirmwareUpdate();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.releaseId = value;
                                else
                                    delete message.releaseId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.version = value;
                                else
                                    delete message.version;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.size = value;
                                else
                                    delete message.size;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.sha256 = value;
                                else
                                    delete message.sha256;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.chunkSize = value;
                                else
                                    delete message.chunkSize;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a FirmwareUpdate message.
                 * @function verify
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                FirmwareUpdate.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.releaseId != null && $Object.hasOwnProperty.call(message, "releaseId"))
                        if (!$util.isString(message.releaseId))
                            return "releaseId: string expected";
                    if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                        if (!$util.isString(message.version))
                            return "version: string expected";
                    if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                        if (!$util.isInteger(message.size))
                            return "size: integer expected";
                    if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256"))
                        if (!(message.sha256 && typeof message.sha256.length === "number" || $util.isString(message.sha256)))
                            return "sha256: buffer expected";
                    if (message.chunkSize != null && $Object.hasOwnProperty.call(message, "chunkSize"))
                        if (!$util.isInteger(message.chunkSize))
                            return "chunkSize: integer expected";
                    return null;
                };

                /**
                 * Creates a FirmwareUpdate message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.FirmwareUpdate} FirmwareUpdate
                 */
                FirmwareUpdate.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.FirmwareUpdate)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.FirmwareUpdate: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.FirmwareUpdate();
                    if (object.releaseId != null)
                        if (typeof object.releaseId !== "string" || object.releaseId.length)
                            message.releaseId = $String(object.releaseId);
                    if (object.version != null)
                        if (typeof object.version !== "string" || object.version.length)
                            message.version = $String(object.version);
                    if (object.size != null)
                        if ($Number(object.size) !== 0)
                            message.size = object.size >>> 0;
                    if (object.sha256 != null)
                        if (object.sha256.length)
                            if (typeof object.sha256 === "string")
                                $util.base64.decode(object.sha256, message.sha256 = $util.newBuffer($util.base64.length(object.sha256)), 0);
                            else if (object.sha256.length >= 0)
                                message.sha256 = object.sha256;
                    if (object.chunkSize != null)
                        if ($Number(object.chunkSize) !== 0)
                            message.chunkSize = object.chunkSize >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a FirmwareUpdate message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @static
                 * @param {parley.badge.v1.FirmwareUpdate} message FirmwareUpdate
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                FirmwareUpdate.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.releaseId = "";
                        object.version = "";
                        object.size = 0;
                        if (options.bytes === $String)
                            object.sha256 = "";
                        else {
                            object.sha256 = [];
                            if (options.bytes !== $Array)
                                object.sha256 = $util.newBuffer(object.sha256);
                        }
                        object.chunkSize = 0;
                    }
                    if (message.releaseId != null && $Object.hasOwnProperty.call(message, "releaseId"))
                        object.releaseId = message.releaseId;
                    if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                        object.version = message.version;
                    if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                        object.size = message.size;
                    if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256"))
                        object.sha256 = options.bytes === $String ? $util.base64.encode(message.sha256, 0, message.sha256.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sha256) : message.sha256;
                    if (message.chunkSize != null && $Object.hasOwnProperty.call(message, "chunkSize"))
                        object.chunkSize = message.chunkSize;
                    return object;
                };

                /**
                 * Converts this FirmwareUpdate to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                FirmwareUpdate.prototype.toJSON = function() {
                    return FirmwareUpdate.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for FirmwareUpdate
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.FirmwareUpdate
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                FirmwareUpdate.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.FirmwareUpdate";
                };

                return FirmwareUpdate;
            })();

            v1.Command = (function() {

                /**
                 * Properties of a Command.
                 * @typedef {Object} parley.badge.v1.Command.$Properties
                 * @property {string|null} [id] Command id
                 * @property {parley.badge.v1.CommandKind|null} [kind] Command kind
                 * @property {number|null} [issuedAtMs] Command issuedAtMs
                 * @property {number|null} [expiresAtMs] Command expiresAtMs
                 * @property {parley.badge.v1.FirmwareUpdate.$Properties|null} [firmware] Command firmware
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Command.
                 * @memberof parley.badge.v1
                 * @interface ICommand
                 * @augments parley.badge.v1.Command.$Properties
                 * @deprecated Use parley.badge.v1.Command.$Properties instead.
                 */

                /**
                 * Shape of a Command.
                 * @typedef {parley.badge.v1.Command.$Properties} parley.badge.v1.Command.$Shape
                 */

                /**
                 * Constructs a new Command.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a Command.
                 * @constructor
                 * @param {parley.badge.v1.Command.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Command = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Command id.
                 * @member {string} id
                 * @memberof parley.badge.v1.Command
                 * @instance
                 */
                Command.prototype.id = "";

                /**
                 * Command kind.
                 * @member {parley.badge.v1.CommandKind} kind
                 * @memberof parley.badge.v1.Command
                 * @instance
                 */
                Command.prototype.kind = 0;

                /**
                 * Command issuedAtMs.
                 * @member {number} issuedAtMs
                 * @memberof parley.badge.v1.Command
                 * @instance
                 */
                Command.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Command expiresAtMs.
                 * @member {number} expiresAtMs
                 * @memberof parley.badge.v1.Command
                 * @instance
                 */
                Command.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Command firmware.
                 * @member {parley.badge.v1.FirmwareUpdate.$Properties|null|undefined} firmware
                 * @memberof parley.badge.v1.Command
                 * @instance
                 */
                Command.prototype.firmware = null;

                /**
                 * Creates a new Command instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.Command
                 * @static
                 * @param {parley.badge.v1.Command.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.Command} Command instance
                 * @type {{
                 *   (properties: parley.badge.v1.Command.$Shape): parley.badge.v1.Command & parley.badge.v1.Command.$Shape;
                 *   (properties?: parley.badge.v1.Command.$Properties): parley.badge.v1.Command;
                 * }}
                 */
                Command.create = function(properties) {
                    return new Command(properties);
                };

                /**
                 * Encodes the specified Command message. Does not implicitly {@link parley.badge.v1.Command.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.Command
                 * @static
                 * @param {parley.badge.v1.Command.$Properties} message Command message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Command.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.kind);
                    if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs") && (typeof message.issuedAtMs === "object" ? message.issuedAtMs.low || message.issuedAtMs.high : message.issuedAtMs !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.issuedAtMs);
                    if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs") && (typeof message.expiresAtMs === "object" ? message.expiresAtMs.low || message.expiresAtMs.high : message.expiresAtMs !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.expiresAtMs);
                    if (message.firmware != null && $Object.hasOwnProperty.call(message, "firmware"))
                        $root.parley.badge.v1.FirmwareUpdate.encode(message.firmware, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Command message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.Command
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.Command & parley.badge.v1.Command.$Shape} Command
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Command.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.Command();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.id = value;
                                else
                                    delete message.id;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.kind = value;
                                else
                                    delete message.kind;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.issuedAtMs = value;
                                else
                                    delete message.issuedAtMs;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.expiresAtMs = value;
                                else
                                    delete message.expiresAtMs;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.firmware = $root.parley.badge.v1.FirmwareUpdate.decode(reader, reader.size(), $undefined, _depth + 1, message.firmware);
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a Command message.
                 * @function verify
                 * @memberof parley.badge.v1.Command
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                Command.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                        if (!$util.isString(message.id))
                            return "id: string expected";
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                        if (typeof message.kind !== "number" || (message.kind | 0) !== message.kind)
                            return "kind: enum value expected";
                    if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                        if (!$util.isInteger(message.issuedAtMs) && !(message.issuedAtMs && $util.isInteger(message.issuedAtMs.low) && $util.isInteger(message.issuedAtMs.high)))
                            return "issuedAtMs: integer|Long expected";
                    if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs"))
                        if (!$util.isInteger(message.expiresAtMs) && !(message.expiresAtMs && $util.isInteger(message.expiresAtMs.low) && $util.isInteger(message.expiresAtMs.high)))
                            return "expiresAtMs: integer|Long expected";
                    if (message.firmware != null && $Object.hasOwnProperty.call(message, "firmware")) {
                        let error = $root.parley.badge.v1.FirmwareUpdate.verify(message.firmware, _depth + 1);
                        if (error)
                            return "firmware." + error;
                    }
                    return null;
                };

                /**
                 * Creates a Command message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.Command
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.Command} Command
                 */
                Command.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.Command)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.Command: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.Command();
                    if (object.id != null)
                        if (typeof object.id !== "string" || object.id.length)
                            message.id = $String(object.id);
                    if (object.kind !== 0 && (typeof object.kind !== "string" || $root.parley.badge.v1.CommandKind[object.kind] !== 0))
                        switch (object.kind) {
                        case "COMMAND_KIND_UNSPECIFIED":
                        case 0:
                            message.kind = 0;
                            break;
                        case "COMMAND_KIND_START":
                        case 1:
                            message.kind = 1;
                            break;
                        case "COMMAND_KIND_STOP":
                        case 2:
                            message.kind = 2;
                            break;
                        case "COMMAND_KIND_MUTE":
                        case 3:
                            message.kind = 3;
                            break;
                        case "COMMAND_KIND_UNMUTE":
                        case 4:
                            message.kind = 4;
                            break;
                        case "COMMAND_KIND_LOCATE":
                        case 5:
                            message.kind = 5;
                            break;
                        case "COMMAND_KIND_REBOOT":
                        case 6:
                            message.kind = 6;
                            break;
                        case "COMMAND_KIND_LOCK":
                        case 7:
                            message.kind = 7;
                            break;
                        case "COMMAND_KIND_WIPE_ACKNOWLEDGED":
                        case 8:
                            message.kind = 8;
                            break;
                        case "COMMAND_KIND_WIPE_ALL":
                        case 9:
                            message.kind = 9;
                            break;
                        case "COMMAND_KIND_FIRMWARE_UPDATE":
                        case 10:
                            message.kind = 10;
                            break;
                        default:
                            if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                                message.kind = object.kind;
                        }
                    if (object.issuedAtMs != null)
                        if (typeof object.issuedAtMs === "object" ? object.issuedAtMs.low || object.issuedAtMs.high : $Number(object.issuedAtMs) !== 0)
                            if ($util.Long)
                                message.issuedAtMs = $util.Long.fromValue(object.issuedAtMs, true);
                            else if (typeof object.issuedAtMs === "string")
                                message.issuedAtMs = $parseInt(object.issuedAtMs, 10);
                            else if (typeof object.issuedAtMs === "number")
                                message.issuedAtMs = object.issuedAtMs;
                            else if (typeof object.issuedAtMs === "object")
                                message.issuedAtMs = new $util.LongBits(object.issuedAtMs.low >>> 0, object.issuedAtMs.high >>> 0).toNumber(true);
                    if (object.expiresAtMs != null)
                        if (typeof object.expiresAtMs === "object" ? object.expiresAtMs.low || object.expiresAtMs.high : $Number(object.expiresAtMs) !== 0)
                            if ($util.Long)
                                message.expiresAtMs = $util.Long.fromValue(object.expiresAtMs, true);
                            else if (typeof object.expiresAtMs === "string")
                                message.expiresAtMs = $parseInt(object.expiresAtMs, 10);
                            else if (typeof object.expiresAtMs === "number")
                                message.expiresAtMs = object.expiresAtMs;
                            else if (typeof object.expiresAtMs === "object")
                                message.expiresAtMs = new $util.LongBits(object.expiresAtMs.low >>> 0, object.expiresAtMs.high >>> 0).toNumber(true);
                    if (object.firmware != null) {
                        if (!$util.isObject(object.firmware))
                            throw $TypeError(".parley.badge.v1.Command.firmware: object expected");
                        message.firmware = $root.parley.badge.v1.FirmwareUpdate.fromObject(object.firmware, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a Command message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.Command
                 * @static
                 * @param {parley.badge.v1.Command} message Command
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Command.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.id = "";
                        object.kind = options.enums === $String ? "COMMAND_KIND_UNSPECIFIED" : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.issuedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.issuedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.expiresAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.expiresAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.firmware = null;
                    }
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                        object.id = message.id;
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                        object.kind = options.enums === $String ? $root.parley.badge.v1.CommandKind[message.kind] === $undefined ? message.kind : $root.parley.badge.v1.CommandKind[message.kind] : message.kind;
                    if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.issuedAtMs = typeof message.issuedAtMs === "number" ? $BigInt(message.issuedAtMs) : $util.Long.fromBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0, true).toBigInt();
                        else if (typeof message.issuedAtMs === "number")
                            object.issuedAtMs = options.longs === $String ? $String(message.issuedAtMs) : message.issuedAtMs;
                        else
                            object.issuedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.issuedAtMs) : options.longs === $Number ? new $util.LongBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0).toNumber(true) : message.issuedAtMs;
                    if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.expiresAtMs = typeof message.expiresAtMs === "number" ? $BigInt(message.expiresAtMs) : $util.Long.fromBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0, true).toBigInt();
                        else if (typeof message.expiresAtMs === "number")
                            object.expiresAtMs = options.longs === $String ? $String(message.expiresAtMs) : message.expiresAtMs;
                        else
                            object.expiresAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAtMs) : options.longs === $Number ? new $util.LongBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0).toNumber(true) : message.expiresAtMs;
                    if (message.firmware != null && $Object.hasOwnProperty.call(message, "firmware"))
                        object.firmware = $root.parley.badge.v1.FirmwareUpdate.toObject(message.firmware, options, _depth + 1);
                    return object;
                };

                /**
                 * Converts this Command to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.Command
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Command.prototype.toJSON = function() {
                    return Command.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Command
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.Command
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Command.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.Command";
                };

                return Command;
            })();

            v1.FirmwareChunk = (function() {

                /**
                 * Properties of a FirmwareChunk.
                 * @typedef {Object} parley.badge.v1.FirmwareChunk.$Properties
                 * @property {string|null} [releaseId] FirmwareChunk releaseId
                 * @property {number|null} [offset] FirmwareChunk offset
                 * @property {Uint8Array|null} [data] FirmwareChunk data
                 * @property {number|null} [totalSize] FirmwareChunk totalSize
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a FirmwareChunk.
                 * @memberof parley.badge.v1
                 * @interface IFirmwareChunk
                 * @augments parley.badge.v1.FirmwareChunk.$Properties
                 * @deprecated Use parley.badge.v1.FirmwareChunk.$Properties instead.
                 */

                /**
                 * Shape of a FirmwareChunk.
                 * @typedef {parley.badge.v1.FirmwareChunk.$Properties} parley.badge.v1.FirmwareChunk.$Shape
                 */

                /**
                 * Constructs a new FirmwareChunk.
                 * @memberof parley.badge.v1
                 * @classdesc Represents a FirmwareChunk.
                 * @constructor
                 * @param {parley.badge.v1.FirmwareChunk.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const FirmwareChunk = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * FirmwareChunk releaseId.
                 * @member {string} releaseId
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @instance
                 */
                FirmwareChunk.prototype.releaseId = "";

                /**
                 * FirmwareChunk offset.
                 * @member {number} offset
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @instance
                 */
                FirmwareChunk.prototype.offset = 0;

                /**
                 * FirmwareChunk data.
                 * @member {Uint8Array} data
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @instance
                 */
                FirmwareChunk.prototype.data = $util.newBuffer([]);

                /**
                 * FirmwareChunk totalSize.
                 * @member {number} totalSize
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @instance
                 */
                FirmwareChunk.prototype.totalSize = 0;

                /**
                 * Creates a new FirmwareChunk instance using the specified properties.
                 * @function create
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @static
                 * @param {parley.badge.v1.FirmwareChunk.$Properties=} [properties] Properties to set
                 * @returns {parley.badge.v1.FirmwareChunk} FirmwareChunk instance
                 * @type {{
                 *   (properties: parley.badge.v1.FirmwareChunk.$Shape): parley.badge.v1.FirmwareChunk & parley.badge.v1.FirmwareChunk.$Shape;
                 *   (properties?: parley.badge.v1.FirmwareChunk.$Properties): parley.badge.v1.FirmwareChunk;
                 * }}
                 */
                FirmwareChunk.create = function(properties) {
                    return new FirmwareChunk(properties);
                };

                /**
                 * Encodes the specified FirmwareChunk message. Does not implicitly {@link parley.badge.v1.FirmwareChunk.verify|verify} messages.
                 * @function encode
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @static
                 * @param {parley.badge.v1.FirmwareChunk.$Properties} message FirmwareChunk message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                FirmwareChunk.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.releaseId != null && $Object.hasOwnProperty.call(message, "releaseId") && message.releaseId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.releaseId);
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && message.offset !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.offset);
                    if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.data);
                    if (message.totalSize != null && $Object.hasOwnProperty.call(message, "totalSize") && message.totalSize !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.totalSize);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a FirmwareChunk message from the specified reader or buffer.
                 * @function decode
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {parley.badge.v1.FirmwareChunk & parley.badge.v1.FirmwareChunk.$Shape} FirmwareChunk
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                FirmwareChunk.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.parley.badge.v1.FirmwareChunk();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.releaseId = value;
                                else
                                    delete message.releaseId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.offset = value;
                                else
                                    delete message.offset;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.data = value;
                                else
                                    delete message.data;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.totalSize = value;
                                else
                                    delete message.totalSize;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Verifies a FirmwareChunk message.
                 * @function verify
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @static
                 * @param {Object.<string,*>} message Plain object to verify
                 * @returns {string|null} `null` if valid, otherwise the reason why it is not
                 */
                FirmwareChunk.verify = function (message, _depth) {
                    if (typeof message !== "object" || message === null)
                        return "object expected";
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        return "max depth exceeded";
                    if (message.releaseId != null && $Object.hasOwnProperty.call(message, "releaseId"))
                        if (!$util.isString(message.releaseId))
                            return "releaseId: string expected";
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                        if (!$util.isInteger(message.offset))
                            return "offset: integer expected";
                    if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                        if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                            return "data: buffer expected";
                    if (message.totalSize != null && $Object.hasOwnProperty.call(message, "totalSize"))
                        if (!$util.isInteger(message.totalSize))
                            return "totalSize: integer expected";
                    return null;
                };

                /**
                 * Creates a FirmwareChunk message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {parley.badge.v1.FirmwareChunk} FirmwareChunk
                 */
                FirmwareChunk.fromObject = function (object, _depth) {
                    if (object instanceof $root.parley.badge.v1.FirmwareChunk)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".parley.badge.v1.FirmwareChunk: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.parley.badge.v1.FirmwareChunk();
                    if (object.releaseId != null)
                        if (typeof object.releaseId !== "string" || object.releaseId.length)
                            message.releaseId = $String(object.releaseId);
                    if (object.offset != null)
                        if ($Number(object.offset) !== 0)
                            message.offset = object.offset >>> 0;
                    if (object.data != null)
                        if (object.data.length)
                            if (typeof object.data === "string")
                                $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                            else if (object.data.length >= 0)
                                message.data = object.data;
                    if (object.totalSize != null)
                        if ($Number(object.totalSize) !== 0)
                            message.totalSize = object.totalSize >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a FirmwareChunk message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @static
                 * @param {parley.badge.v1.FirmwareChunk} message FirmwareChunk
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                FirmwareChunk.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.releaseId = "";
                        object.offset = 0;
                        if (options.bytes === $String)
                            object.data = "";
                        else {
                            object.data = [];
                            if (options.bytes !== $Array)
                                object.data = $util.newBuffer(object.data);
                        }
                        object.totalSize = 0;
                    }
                    if (message.releaseId != null && $Object.hasOwnProperty.call(message, "releaseId"))
                        object.releaseId = message.releaseId;
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                        object.offset = message.offset;
                    if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                        object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                    if (message.totalSize != null && $Object.hasOwnProperty.call(message, "totalSize"))
                        object.totalSize = message.totalSize;
                    return object;
                };

                /**
                 * Converts this FirmwareChunk to JSON.
                 * @function toJSON
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                FirmwareChunk.prototype.toJSON = function() {
                    return FirmwareChunk.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for FirmwareChunk
                 * @function getTypeUrl
                 * @memberof parley.badge.v1.FirmwareChunk
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                FirmwareChunk.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/parley.badge.v1.FirmwareChunk";
                };

                return FirmwareChunk;
            })();

            return v1;
        })();

        return badge;
    })();

    return parley;
})();

export {
  $root as default
};
